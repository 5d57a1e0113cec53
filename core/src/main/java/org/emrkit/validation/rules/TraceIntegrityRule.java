package org.emrkit.validation.rules;

import org.emrkit.edit.RecordAudit;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.RecordRule;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code cn/trace-integrity}: the revision and signature hash chain does not verify, or signed
 * content changed without a trace (veto).
 */
final class TraceIntegrityRule implements RecordRule {
  static final RuleInfo INFO = Infos.info("cn/trace-integrity", "修改痕迹被篡改",
      "revision trace does not verify", "电子病历应用管理规范(试行)(2017) 第十四条、第十六条",
      Severity.ERROR, "0", true, "修改痕迹在 /revisions/2 处校验失败(hash does not match)",
      "the revision trace breaks at /revisions/2 (hash does not match)");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext context, Reporter reporter) {
    RecordAudit.Result r = RecordAudit.verify(context.template(), context.record());
    if (!r.intact()) {
      reporter.report(r.brokenAt(), new Message("修改痕迹在 " + r.brokenAt() + " 处校验失败("
          + r.reason() + ")", "the revision trace breaks at " + r.brokenAt() + " (" + r.reason()
          + ")"));
    }
  }
}

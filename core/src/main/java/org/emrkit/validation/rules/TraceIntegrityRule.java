package org.emrkit.validation.rules;

import org.emrkit.edit.AuditFinding;
import org.emrkit.edit.RecordAudit;
import org.emrkit.problem.Severity;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.RecordRule;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code cn/trace-integrity}: the record's audit ({@link RecordAudit#audit}) found something: an
 * entry of the hash chain changed, removed or out of place, or the record (context, status,
 * values, signature fields) no longer what its trace says; one finding per thing, naming it
 * (veto). Checks without keys: digital signatures and anchors are the integrity pack's.
 */
final class TraceIntegrityRule implements RecordRule {
  static final RuleInfo INFO = Infos.info("cn/trace-integrity", "修改痕迹被篡改",
      "revision trace does not verify", "电子病历应用管理规范(试行)(2017) 第十四条、第十六条",
      Severity.ERROR, "0", true, "主诉(/values/chiefComplaint)被改动而无修改记录：病历为 胸闷2天，修改痕迹为 反复胸闷1天",
      "主诉(/values/chiefComplaint) was changed without a trace: the record say"
          + "s 胸闷2天, its trace 反复胸闷1天");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext context, Reporter reporter) {
    for (AuditFinding f : Integrity.audit(context).findings()) {
      reporter.report(f.pointer(), f.message());
    }
  }
}

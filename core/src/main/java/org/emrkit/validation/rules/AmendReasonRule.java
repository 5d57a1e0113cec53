package org.emrkit.validation.rules;

import java.util.List;
import org.emrkit.edit.RecordAudit;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Revision;
import org.emrkit.record.Signature;
import org.emrkit.record.TracePath;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.RecordRule;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code cn/amend-reason}: a value changed without a reason where a signature then valid covered
 * it (adding a row beside signed rows is no amendment).
 */
final class AmendReasonRule implements RecordRule {
  static final RuleInfo INFO = Infos.info("cn/amend-reason", "签名后修改未注明理由",
      "change after signing without a reason", "电子病历应用管理规范(试行)(2017) 第十五条",
      Severity.ERROR, "5", false, "签名后修改 /chiefComplaint 未注明理由(王强)",
      "/chiefComplaint changed after signing without a reason (by 王强)");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext context, Reporter reporter) {
    List<Revision> revisions = context.record().revisions();
    for (int i = 0; i < revisions.size(); i++) {
      Revision r = revisions.get(i);
      if (r.reason() != null || !(r.path() instanceof TracePath.OfValue v)) {
        continue;
      }
      for (Signature s : context.record().signatures()) {
        if (s.at().isBefore(r.at()) && validAt(context, s, r)
            && RecordAudit.covers(context.template(), s.scope(), v.pointer())) {
          reporter.report("/revisions/" + i, new Message("签名后修改 " + r.path() + " 未注明理由("
              + r.actor().name() + ")", r.path() + " changed after signing without a reason (by "
              + r.actor().name() + ")"));
          break;
        }
      }
    }
  }

  /** Whether no revision before {@code r} superseded {@code s}. */
  private static boolean validAt(RecordContext context, Signature s, Revision r) {
    for (Revision x : context.record().revisions()) {
      if (x.path() instanceof TracePath.OfSuperseded sup && sup.signature().equals(s.id())
          && x.at().isBefore(r.at())) {
        return false;
      }
    }
    return true;
  }
}

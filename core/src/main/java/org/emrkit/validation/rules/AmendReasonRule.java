package org.emrkit.validation.rules;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Revision;
import org.emrkit.record.TracePath;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.RecordRule;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/** {@code cn/amend-reason}: a change made after signing without a reason (status changes excepted). */
final class AmendReasonRule implements RecordRule {
  static final RuleInfo INFO = Infos.info("cn/amend-reason", "签名后修改未注明理由",
      "change after signing without a reason", "电子病历应用管理规范(试行)(2017) 第十五条",
      Severity.ERROR, "5", false, "签名后修改 /chiefComplaint 未注明理由",
      "/chiefComplaint changed after signing without a reason");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext context, Reporter reporter) {
    Optional<OffsetDateTime> signed = Completion.firstSignature(context);
    if (signed.isEmpty()) {
      return;
    }
    for (int i = 0; i < context.record().revisions().size(); i++) {
      Revision r = context.record().revisions().get(i);
      if (r.at().isAfter(signed.get()) && r.reason() == null
          && !(r.path() instanceof TracePath.OfStatus)) {
        reporter.report("/revisions/" + i, new Message("签名后修改 " + r.path() + " 未注明理由("
            + r.actor().name() + ")", r.path() + " changed after signing without a reason (by "
            + r.actor().name() + ")"));
      }
    }
  }
}

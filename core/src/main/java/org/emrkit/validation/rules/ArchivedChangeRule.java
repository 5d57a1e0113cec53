package org.emrkit.validation.rules;

import java.time.OffsetDateTime;
import java.util.List;
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
 * {@code cn/archived-change}: a revision or signature after the record was archived (the
 * revision that set {@code /status} to {@code "archived"}); veto.
 */
final class ArchivedChangeRule implements RecordRule {
  static final RuleInfo INFO = Infos.info("cn/archived-change", "归档后修改", "change after archiving",
      "电子病历应用管理规范(试行)(2017) 第十六条、第二十一条", Severity.ERROR, "0", true, "病历归档后仍被修改(/revisions/5, /familyHistory)",
      "the record was changed after archiving (/revisions/5, /familyHistory)");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext context, Reporter reporter) {
    List<Revision> revisions = context.record().revisions();
    int archive = -1;
    for (int i = 0; i < revisions.size(); i++) {
      Revision r = revisions.get(i);
      if (r.path() instanceof TracePath.OfStatus && "\"archived\"".equals(r.newValue())) {
        archive = i;
        break;
      }
    }
    if (archive < 0) {
      return;
    }
    OffsetDateTime archivedAt = revisions.get(archive).at();
    for (int i = archive + 1; i < revisions.size(); i++) {
      Revision r = revisions.get(i);
      if (r.path() instanceof TracePath.OfPrints) {
        continue; // printing an archived record (复印) changes nothing in it
      }
      reporter.report("/revisions/" + i, new Message("病历归档后仍被修改(/revisions/" + i + ", "
          + r.path() + ")", "the record was changed after archiving (/revisions/" + i + ", "
          + r.path() + ")"));
    }
    List<Signature> signatures = context.record().signatures();
    for (int i = 0; i < signatures.size(); i++) {
      if (signatures.get(i).at().isAfter(archivedAt)) {
        reporter.report("/signatures/" + i, new Message("病历归档后仍有签名(/signatures/" + i + ")",
            "a signature was added after archiving (/signatures/" + i + ")"));
      }
    }
  }
}

package org.emrkit.validation.rules;

import java.util.List;
import org.emrkit.edit.RecordAudit;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Revision;
import org.emrkit.record.Signature;
import org.emrkit.record.SignatureScope;
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
      int[] order = null;
      for (Signature s : context.record().signatures()) {
        if (s.scope() instanceof SignatureScope.OfEntry e && isEntryOf(e.pointer(), v.pointer())) {
          // rows of its group put in another order: a row that stays where it was is untouched
          if (order == null) {
            order = java.util.Objects.requireNonNullElse(
                org.emrkit.json.CanonicalJson.rowOrder(r.oldValue(), r.newValue()), new int[0]);
          }
          int k = Integer.parseInt(e.pointer().substring(v.pointer().length() + 1));
          if (k < order.length && order[k] == k) {
            continue;
          }
        }
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

  /** Whether {@code entry} is {@code group}'s entry ({@code /g/3} of {@code /g}). */
  private static boolean isEntryOf(String entry, String group) {
    if (!entry.startsWith(group + "/")) {
      return false;
    }
    String rest = entry.substring(group.length() + 1);
    return !rest.isEmpty() && rest.length() <= 9 && rest.chars().allMatch(Character::isDigit);
  }

  /**
   * Whether no revision before {@code r} in the trace (by sequence number, which the chain
   * hashes; a record may list its revisions in another order) superseded {@code s}. In the
   * trace, not in time: a session stamps every edit of a save with one time, so a row put in
   * before a signed one, the supersession it brings and the new row's filling-in share a minute.
   */
  private static boolean validAt(RecordContext context, Signature s, Revision r) {
    for (Revision x : context.record().revisions()) {
      if (x.seq() < r.seq() && x.path() instanceof TracePath.OfSuperseded sup
          && sup.signature().equals(s.id())) {
        return false;
      }
    }
    return true;
  }
}

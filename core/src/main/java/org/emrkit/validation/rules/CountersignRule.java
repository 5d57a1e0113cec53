package org.emrkit.validation.rules;

import java.util.Set;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Actor;
import org.emrkit.record.Role;
import org.emrkit.record.Value;
import org.emrkit.render.SignatureState;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.RecordRule;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code cn/countersign}: a record written by an intern or trainee (context.author.role) has no
 * valid signature by a resident, attending or chief in a signature field (a name typed into one
 * is no signature).
 */
final class CountersignRule implements RecordRule {
  static final RuleInfo INFO = Infos.info("cn/countersign", "缺少上级医师审签",
      "no countersignature by a licensed physician", "病历书写基本规范(2010) 第八条",
      Severity.ERROR, "3", false, "实习医师陈实书写的病历须经本院执业医师审阅签名",
      "a record written by intern 陈实 needs a signature by a resident, attendi"
          + "ng or chief");
  private static final Set<Role> LICENSED = Set.of(Role.RESIDENT, Role.ATTENDING, Role.CHIEF);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext context, Reporter reporter) {
    Actor author = context.record().context().author();
    if (author == null || (author.role() != Role.INTERN && author.role() != Role.TRAINEE)) {
      return;
    }
    for (FieldValue f : context.fields()) {
      if (f.value() instanceof Value.Signed s && LICENSED.contains(s.signer().actor().role())
          && context.resolver().signature(s, f.path().substring(7)) == SignatureState.VALID) {
        return;
      }
    }
    String who = author.role() == Role.INTERN ? "实习医师" : "进修/规培医师";
    reporter.report("/context/author", new Message(who + author.name()
        + "书写的病历须经本院执业医师审阅签名", "a record written by " + author.role().label() + " "
        + author.name() + " needs a signature by a resident, attending or chief"));
  }
}

package org.emrkit.validation.rules;

import java.util.HashMap;
import java.util.Map;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Role;
import org.emrkit.record.Signature;
import org.emrkit.record.SignatureScope;
import org.emrkit.record.Value;
import org.emrkit.render.SignatureState;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.validation.FieldRule;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code cn/signature}: a required signature field (the author's or a supervisor's) is not signed:
 * empty, holding a name no signature of the record put there, or superseded by a later change
 * that no one signed again.
 */
final class SignatureRule implements FieldRule {
  static final RuleInfo INFO = Infos.info("cn/signature", "缺少签名", "signature missing",
      "病历书写基本规范(2010) 第七条、第八条", Severity.ERROR, "3", false, "缺少“医师签名”(住院医师)",
      "signature 医师签名 (resident) is missing");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** Only signature fields. */
  @Override
  public boolean appliesTo(Field field, Class<? extends Value> kind) {
    return field.type() == FieldType.SIGNATURE;
  }

  @Override
  public void check(FieldValue f, RecordContext context, Reporter reporter) {
    if (f.field().type() == FieldType.SIGNATURE && f.value() instanceof Value.Signed signed) {
      wrongRole(f, signed, reporter);
    }
    if (f.field().type() != FieldType.SIGNATURE || !f.field().required()) {
      return;
    }
    SignatureState state = context.resolver().signature(f.value(), f.path().substring(7));
    if (state == SignatureState.VALID
        || state == SignatureState.SUPERSEDED && signedAgain(context, (Value.Signed) f.value())) {
      return;
    }
    // every note of a long 病程记录 can miss its signature, each finding saying the same: one
    // message for them all, kept for the validation (not 40,000 copies of two strings)
    Map<Missing, Message> said = context.memo(SignatureRule.class, HashMap::new);
    reporter.report(f.path(), said.computeIfAbsent(new Missing(Infos.label(f), f.field().role(),
        state), SignatureRule::message));
  }

  /** What a missing signature's message says: the field's label and role, and its state. */
  private record Missing(String label, String role, SignatureState state) {}

  private static Message message(Missing m) {
    // the role as the clinician says it (住院医师), its JSON name in English
    Role wanted = Role.fromLabel(m.role());
    String zh = wanted == null ? "" : "(" + wanted.title() + ")";
    String role = m.role() == null ? "" : "(" + m.role() + ")";
    String l = m.label();
    return switch (m.state()) {
      case SUPERSEDED -> new Message("“" + l + "”" + zh + "的签名因其后的修改已作废，修改后无人重新签名",
          "signature " + l + " " + role + " was superseded by a later change and no one signed"
              + " again since");
      case UNVERIFIED -> new Message("“" + l + "”" + zh + "中的签名不是签署的(病历的签名中没有)",
          "signature " + l + " " + role + " was not signed: none of the record's signatures"
              + " put it there");
      default -> new Message("缺少“" + l + "”" + zh, "signature " + l + " " + role
          + " is missing");
    };
  }

  /**
   * A signer who may not sign this field: of the other profession (a nurse in a physician's
   * field, or the reverse) or of a lower rank (a resident in an attending's field). A higher rank
   * of the same profession may sign (a chief in an attending's field).
   */
  private static void wrongRole(FieldValue f, Value.Signed signed, Reporter reporter) {
    Role wanted = Role.fromLabel(f.field().role());
    Role by = signed.signer().actor().role();
    if (wanted == null || by == wanted || (nursing(by) == nursing(wanted)
        && by.rank() >= wanted.rank() && by != Role.ADMIN && by != Role.QC)) {
      return;
    }
    String l = f.label() != null ? f.label() : Infos.label(f);
    reporter.report(f.path(), new Message("“" + l + "”应由" + wanted.title() + "签名，签名者 "
        + signed.signer().actor().name() + " 是" + by.title(), "signature " + l + " is for a "
        + wanted.label() + ", but " + signed.signer().actor().name() + " is a " + by.label()));
  }

  private static boolean nursing(Role r) {
    return r == Role.NURSE || r == Role.HEAD_NURSE;
  }

  /**
   * Whether what a superseded signature covered was signed again after it: by a valid signature
   * of the same scope or of the whole record (a senior who amends signs the record again).
   */
  private static boolean signedAgain(RecordContext context, Value.Signed shown) {
    for (Signature old : context.record().signatures()) {
      if (!old.superseded() || !old.asSigner().equals(shown.signer())) {
        continue;
      }
      for (Signature s : context.record().signatures()) {
        if (!s.superseded() && s.at().isAfter(old.at())
            && (s.scope().equals(old.scope()) || s.scope() instanceof SignatureScope.WholeRecord)) {
          return true;
        }
      }
    }
    return false;
  }
}

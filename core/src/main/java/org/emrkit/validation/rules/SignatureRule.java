package org.emrkit.validation.rules;

import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.template.FieldType;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.RecordRule;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/** {@code cn/signature}: a required signature field is empty (the author's or a supervisor's). */
final class SignatureRule implements RecordRule {
  static final RuleInfo INFO = Infos.info("cn/signature", "缺少签名", "signature missing",
      "病历书写基本规范(2010) 第七条、第八条", Severity.ERROR, "3", false,
      "缺少“医师签名”(resident)", "signature 医师签名 (resident) is missing");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext context, Reporter reporter) {
    for (FieldValue f : context.fields()) {
      if (f.field().type() == FieldType.SIGNATURE && f.field().required() && f.active()
          && f.value() == null) {
        String role = f.field().role() == null ? "" : "(" + f.field().role() + ")";
        String l = Infos.label(f);
        reporter.report(f.path(), new Message("缺少“" + l + "”" + role, "signature " + l + " "
            + role + " is missing"));
      }
    }
  }
}

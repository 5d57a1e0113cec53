package org.emrkit.validation.rules;

import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Value;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.validation.FieldRule;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/** {@code field/required}: a required, active field has no value (signatures: {@code cn/signature}). */
final class RequiredRule implements FieldRule {
  static final RuleInfo INFO = Infos.info("field/required", "必填项未填写", "required field empty",
      "EMRKit (template attribute required)；扣分为 EMRKit 默认值(各地住院病历质量评分表"
      + "常见：缺项或填写错误每处 0.5–1 分)", Severity.ERROR, "1", false, "必填项“体温”未填写",
      "required field 体温 is empty");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** Only required fields that are written (a signature is cn/signature's). */
  @Override
  public boolean appliesTo(Field field, Class<? extends Value> kind) {
    return field.required() && field.type().isStored() && field.type() != FieldType.SIGNATURE;
  }

  @Override
  public void check(FieldValue f, RecordContext context, Reporter reporter) {
    FieldType t = f.field().type();
    if (f.field().required() && t.isStored() && t != FieldType.SIGNATURE
        && !f.isFilled()) {
      String l = Infos.label(f);
      reporter.report(f.path(), new Message("必填项“" + l + "”未填写", "required field " + l
          + " is empty"));
    }
  }
}

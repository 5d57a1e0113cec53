package org.emrkit.validation.rules;

import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Value;
import org.emrkit.template.Field;
import org.emrkit.validation.FieldRule;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/** {@code field/length}: text shorter than minLength or longer than maxLength (in characters). */
final class LengthRule implements FieldRule {
  static final RuleInfo INFO = Infos.info("field/length", "文字长度不符", "text length out of bounds",
      "EMRKit (minLength, maxLength)；扣分为 EMRKit 默认值(各地住院病历质量评分表"
      + "常见：缺项或填写错误每处 0.5–1 分)", Severity.ERROR, "0.5", false, "“现病史”至少 20 字(当前 3 字)",
      "现病史 needs at least 20 characters (3)");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** Only texts of fields with length bounds. */
  @Override
  public boolean appliesTo(Field field, Class<? extends Value> kind) {
    return (field.minLength() != null || field.maxLength() != null)
        && kind == Value.Str.class;
  }

  @Override
  public void check(FieldValue f, RecordContext context, Reporter reporter) {
    Integer min = f.field().minLength();
    Integer max = f.field().maxLength();
    // most fields have no bounds on their length: their text is not counted
    if (min == null && max == null || !(f.value() instanceof Value.Str s)) {
      return;
    }
    int n = s.value().codePointCount(0, s.value().length());
    if (min != null && n < min && n > 0) {
      String l = Infos.label(f);
      reporter.report(f.path(), new Message("“" + l + "”至少 " + min + " 字(当前 " + n + " 字)",
          l + " needs at least " + min + " characters (" + n + ")"));
    }
    if (max != null && n > max) {
      String l = Infos.label(f);
      reporter.report(f.path(), new Message("“" + l + "”最多 " + max + " 字(当前 " + n + " 字)",
          l + " allows at most " + max + " characters (" + n + ")"));
    }
  }
}

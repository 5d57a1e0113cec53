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

/** {@code field/precision}: a decimal with more digits after the point than its precision. */
final class PrecisionRule implements FieldRule {
  static final RuleInfo INFO = Infos.info("field/precision", "小数位数过多", "too many decimal places",
      "EMRKit (precision)；扣分为 EMRKit 默认值(各地住院病历质量评分表"
      + "常见：缺项或填写错误每处 0.5–1 分)", Severity.ERROR, "0.5", false,
      "“体温”最多 1 位小数(当前 36.85)", "体温 allows 1 decimal place (36.85)");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** Only numbers of fields with a precision. */
  @Override
  public boolean appliesTo(Field field, Class<? extends Value> kind) {
    return field.precision() != null && kind == Value.Num.class;
  }

  @Override
  public void check(FieldValue f, RecordContext context, Reporter reporter) {
    Integer p = f.field().precision();
    if (p == null || !(f.value() instanceof Value.Num n)) {
      return;
    }
    // stripping trailing zeros never raises the scale: within it as written, within it stripped
    if (n.value().scale() > p && n.value().stripTrailingZeros().scale() > p) {
      String l = Infos.label(f);
      reporter.report(f.path(), new Message("“" + l + "”最多 " + p + " 位小数(当前 "
          + org.emrkit.record.ValueText.plain(n.value()) + ")", l + " allows " + p + " decimal place"
          + (p == 1 ? "" : "s") + " (" + org.emrkit.record.ValueText.plain(n.value()) + ")"));
    }
  }
}

package org.emrkit.validation.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

/**
 * {@code field/option}: a choice or multichoice value that is not one of the options (or codes
 * of the value set: the template's own, or the host's when its terminology service knows it),
 * or a multichoice value that names an option twice.
 */
final class OptionRule implements FieldRule {
  static final RuleInfo INFO = Infos.info("field/option", "选项无效", "not one of the options",
      "EMRKit (options, valueset)；扣分为 EMRKit 默认值(各地住院病历质量评分表"
      + "常见：缺项或填写错误每处 0.5–1 分)", Severity.ERROR, "1", false, "“性别”的值“3”不在可选项中",
      "\"3\" is not an option of 性别");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** Only values of choice fields. */
  @Override
  public boolean appliesTo(Field field, Class<? extends Value> kind) {
    return (field.type() == FieldType.CHOICE || field.type() == FieldType.MULTICHOICE)
        && kind != null;
  }

  @Override
  public void check(FieldValue f, RecordContext context, Reporter reporter) {
    Field field = f.field();
    if (f.value() == null
        || (field.type() != FieldType.CHOICE && field.type() != FieldType.MULTICHOICE)) {
      return;
    }
    List<String> chosen = f.value() instanceof Value.Str s ? List.of(s.value())
        : f.value() instanceof Value.Choices c ? c.values() : List.of();
    // most fields hold one choice: no set and no pointer made unless they are needed
    Set<String> seen = chosen.size() > 1 ? new HashSet<>() : null;
    for (int i = 0; i < chosen.size(); i++) {
      String v = chosen.get(i);
      if (seen != null && !seen.add(v)) {
        String l = Infos.label(f);
        reporter.report(path(f, i), new Message("“" + l + "”重复选择了“" + v + "”", l + " lists \""
            + v + "\" twice"));
      } else if (allowed(context, field, v) == Boolean.FALSE) {
        String l = Infos.label(f);
        reporter.report(path(f, i), new Message("“" + l + "”的值“" + v + "”不在可选项中", "\"" + v
            + "\" is not an option of " + l));
      }
    }
  }

  private static String path(FieldValue f, int i) {
    return f.value() instanceof Value.Choices ? f.path() + "/" + i : f.path();
  }

  /** True, false, or null when it cannot be known (a host value set the service lacks). */
  static Boolean allowed(RecordContext context, Field field, String value) {
    if (!field.options().isEmpty()) {
      return field.options().contains(value);
    }
    // once per field and validation (a template value set's table is built or found by a key
    // made of the template's id, version and the set's id)
    return Codes.table(context, field).map(t -> t.find(value).isPresent()).orElse(null);
  }
}

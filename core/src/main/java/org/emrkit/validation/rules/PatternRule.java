package org.emrkit.validation.rules;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Value;
import org.emrkit.template.Field;
import org.emrkit.validation.FieldRule;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/** {@code field/pattern}: text that does not match the field's pattern (whole value). */
final class PatternRule implements FieldRule {
  static final RuleInfo INFO = Infos.info("field/pattern", "格式不符", "value does not match pattern",
      "EMRKit (pattern)；扣分为 EMRKit 默认值(各地住院病历质量评分表"
      + "常见：缺项或填写错误每处 0.5–1 分)", Severity.ERROR, "0.5", false, "“生命体征 血压mmHg”应写成 120/80",
      "生命体征 血压mmHg must match \\d{2,3}/\\d{2,3} (as 120/80)");
  private static final int MAX_CHECKED = 10_000;
  private final Map<String, Pattern> compiled = new ConcurrentHashMap<>();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** Only texts of fields with a pattern. */
  @Override
  public boolean appliesTo(Field field, Class<? extends Value> kind) {
    return field.pattern() != null && kind == Value.Str.class;
  }

  @Override
  public void check(FieldValue f, RecordContext context, Reporter reporter) {
    String p = f.field().pattern();
    if (p == null || !(f.value() instanceof Value.Str s)) {
      return;
    }
    // bound the input: a template pattern is trusted, a clinician's 10 MB text is not; and
    // Java's matcher recurses once for each repetition of a group ((\d|-)+ overflowed the
    // stack at about 5,000 digits): a value it cannot check is named as such, not as wrong
    String text = s.value();
    boolean checked = text.length() <= MAX_CHECKED;
    boolean matches = false;
    if (checked) {
      try {
        matches = compiled.computeIfAbsent(p, Pattern::compile).matcher(text).matches();
      } catch (StackOverflowError e) {
        checked = false;
      }
    }
    if (matches) {
      return;
    }
    String l = Infos.label(f);
    if (!checked) {
      reporter.report(f.path(), new Message("“" + l + "”过长(" + text.length()
          + " 字)，无法检查其写法", l + " is too long (" + text.length() + " characters) to"
          + " check against " + p));
      return;
    }
    // the clinician reads an example (the field's placeholder), never the expression; the
    // expression stays in the English message for the template's author
    String example = f.field().placeholder();
    reporter.report(f.path(), example != null
        ? new Message("“" + l + "”应写成 " + example, l + " must match " + p + " (as " + example
            + ")")
        : new Message("“" + l + "”的写法不对", l + " must match " + p));
  }
}

package org.emrkit.validation.rules;

import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Value;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.RecordRule;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/** {@code cn/chief-complaint-length}: 主诉 longer than 20 characters (punctuation and spaces not counted). */
final class ChiefComplaintLengthRule implements RecordRule {
  static final RuleInfo INFO = Infos.info("cn/chief-complaint-length", "主诉过长",
      "chief complaint too long", "病历书写基本规范(2010) 第十八条(二)", Severity.WARNING, "1",
      false, "主诉超过20字(当前21字)",
      "chief complaint longer than 20 characters (21)",
      "maxCharacters", "20");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext context, Reporter reporter) {
    int max = (int) reporter.number("maxCharacters");
    ChiefComplaint.of(context).ifPresent(f -> {
      int n = ChiefComplaint.length(((Value.Str) f.value()).value());
      if (n > max) {
        reporter.report(f.path(), new Message("主诉超过" + max + "字(当前" + n + "字)",
            "chief complaint longer than " + max + " characters (" + n + ")"));
      }
    });
  }
}

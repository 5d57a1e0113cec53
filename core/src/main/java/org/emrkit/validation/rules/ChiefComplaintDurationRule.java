package org.emrkit.validation.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Value;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.RecordRule;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code cn/chief-complaint-duration}: 主诉 names no duration (3天, 2周, 半年, 10余年, 1小时,
 * 数月, 两年余...).
 */
final class ChiefComplaintDurationRule implements RecordRule {
  static final RuleInfo INFO = Infos.info("cn/chief-complaint-duration", "主诉缺少持续时间",
      "chief complaint without a duration", "病历书写基本规范(2010) 第十八条(二)",
      Severity.WARNING, "1", false, "主诉“胸闷”未写明持续时间(如 3天、2周、半年)",
      "chief complaint 胸闷 names no duration (like 3天, 2周, 半年)");
  private static final String NUMERALS = "一二两三四五六七八九十百半数几";
  static final Pattern DURATION = Pattern.compile(
      "([0-9０-９]+(\\.[0-9]+)?|[" + NUMERALS + "]+)\\s*(余|多|个)?\\s*"
          + "(年|月|周|星期|天|日|小时|时|分钟|分|h|d|min)");

  /**
   * Whether {@code s} names a duration ({@link #DURATION} found in it), the pattern tried only
   * where a number begins: tried at every character it was a twentieth of a validation.
   */
  static boolean names(String s) {
    Matcher m = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9' || c >= '０' && c <= '９' || NUMERALS.indexOf(c) >= 0) {
        m = m == null ? DURATION.matcher(s) : m;
        if (m.region(i, s.length()).lookingAt()) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext context, Reporter reporter) {
    ChiefComplaint.of(context).ifPresent(f -> {
      String s = ((Value.Str) f.value()).value();
      if (!names(s)) {
        reporter.report(f.path(), new Message("主诉“" + s + "”未写明持续时间(如 3天、2周、半年)",
            "chief complaint " + s + " names no duration (like 3天, 2周, 半年)"));
      }
    });
  }
}

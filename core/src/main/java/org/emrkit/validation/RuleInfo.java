package org.emrkit.validation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;

/**
 * What a rule is, for the engine and the rule catalogue (docs/rules.md): its code, title, source
 * article, default severity and deduction, whether its findings veto, default parameters and an
 * example finding message.
 *
 * @param code stable code
 * @param title short title in both languages
 * @param source the article of the standard the rule implements (or "EMRKit" for field rules)
 * @param severity default severity
 * @param deduction default points per finding
 * @param veto whether findings veto by default
 * @param parameters default parameters (names and values as text), in order
 * @param example an example finding message
 */
public record RuleInfo(String code, Message title, String source, Severity severity,
    BigDecimal deduction, boolean veto, Map<String, String> parameters, Message example) {

  /** Checks and copies. */
  public RuleInfo {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(deduction, "deduction");
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    Objects.requireNonNull(example, "example");
  }
}

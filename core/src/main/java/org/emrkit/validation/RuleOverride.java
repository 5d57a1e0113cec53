package org.emrkit.validation;

import java.math.BigDecimal;
import java.util.Map;
import org.emrkit.problem.Severity;

/**
 * A host's change to one rule: another severity, deduction or veto, other parameters, or the
 * rule switched off. {@code null} members keep the rule's default.
 *
 * @param disabled whether the rule does not run
 * @param severity severity, or {@code null}
 * @param deduction points per finding, or {@code null}
 * @param veto veto, or {@code null}
 * @param parameters parameter values that replace the defaults
 */
public record RuleOverride(boolean disabled, Severity severity, BigDecimal deduction, Boolean veto,
    Map<String, String> parameters) {

  /** Copies the parameters. */
  public RuleOverride {
    parameters = Map.copyOf(parameters == null ? Map.of() : parameters);
  }

  /** The rule switched off. */
  public static RuleOverride off() {
    return new RuleOverride(true, null, null, null, Map.of());
  }

  /** Another deduction. */
  public static RuleOverride deduction(String points) {
    return new RuleOverride(false, null, new BigDecimal(points), null, Map.of());
  }

  /** Other parameters. */
  public static RuleOverride parameters(Map<String, String> parameters) {
    return new RuleOverride(false, null, null, null, parameters);
  }
}

package org.emrkit.validation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Scoring thresholds and per-rule overrides. Defaults follow the writing-standard rules: 甲 at
 * 90 or more, 乙 at 75 or more, 丙 below; a veto makes 丙; two or more findings of rules marked
 * 乙-level cap the grade at 乙.
 *
 * @param jiaThreshold least score for 甲
 * @param yiThreshold least score for 乙
 * @param yiLevelRules codes of rules whose findings are 乙-level defects
 * @param overrides per-rule overrides by code
 */
public record ValidatorOptions(BigDecimal jiaThreshold, BigDecimal yiThreshold,
    Set<String> yiLevelRules, Map<String, RuleOverride> overrides) {

  /** The defaults. */
  public static final ValidatorOptions DEFAULT = new ValidatorOptions(new BigDecimal("90"),
      new BigDecimal("75"), Set.of(), Map.of());

  /** Checks and copies. */
  public ValidatorOptions {
    Objects.requireNonNull(jiaThreshold, "jiaThreshold");
    Objects.requireNonNull(yiThreshold, "yiThreshold");
    if (yiThreshold.compareTo(jiaThreshold) > 0) {
      throw new IllegalArgumentException("the 乙 threshold must not be above the 甲 threshold");
    }
    yiLevelRules = Set.copyOf(yiLevelRules);
    overrides = Map.copyOf(overrides);
  }

  /** These options with other thresholds. */
  public ValidatorOptions withThresholds(String jia, String yi) {
    return new ValidatorOptions(new BigDecimal(jia), new BigDecimal(yi), yiLevelRules, overrides);
  }

  /** These options with an override for one rule. */
  public ValidatorOptions withOverride(String code, RuleOverride override) {
    Map<String, RuleOverride> m = new java.util.HashMap<>(overrides);
    m.put(code, override);
    return new ValidatorOptions(jiaThreshold, yiThreshold, yiLevelRules, m);
  }

  /**
   * These options with other deductions per finding (a hospital's scoring table, see {@link
   * DeductionTable}); other overrides of those rules are kept.
   */
  public ValidatorOptions withDeductions(Map<String, BigDecimal> deductions) {
    Map<String, RuleOverride> m = new java.util.HashMap<>(overrides);
    deductions.forEach((code, points) -> {
      RuleOverride o = m.get(code);
      m.put(code, o == null ? new RuleOverride(false, null, points, null, Map.of())
          : new RuleOverride(o.disabled(), o.severity(), points, o.veto(), o.parameters()));
    });
    return new ValidatorOptions(jiaThreshold, yiThreshold, yiLevelRules, m);
  }

  /** These options with rules marked 乙-level. */
  public ValidatorOptions withYiLevelRules(Set<String> codes) {
    return new ValidatorOptions(jiaThreshold, yiThreshold, codes, overrides);
  }
}

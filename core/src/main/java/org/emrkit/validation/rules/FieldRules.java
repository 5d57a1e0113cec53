package org.emrkit.validation.rules;

import java.util.List;
import org.emrkit.validation.Rule;

/**
 * The field-constraints pack ({@code field/*}): the constraints written in the template. Its
 * findings deduct no points by default (the score follows the writing standard); hosts may give
 * them deductions through {@link org.emrkit.validation.ValidatorOptions}.
 */
public final class FieldRules {
  private FieldRules() {}

  /** The pack, in the order its rules run. */
  public static List<Rule> pack() {
    return List.of(new ValueTypeRule(), new UnplacedValueRule(), new RequiredRule(),
        new LengthRule(), new PatternRule(), new RangeRule(), new PrecisionRule(), new OptionRule(), new CodeRule(), new CodeNameRule(),
        new CodeCategoryRule(), new RepeatCountRule(), new InactiveValueRule(),
        new ExpressionRule());
  }
}

package org.emrkit.template;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A lower or upper bound of a field: a number ({@code 34}), an ISO-8601 date or time literal
 * ({@code 2020-01-01}), or an expression over other fields ({@code opStart}).
 *
 * @param source the bound as written, not blank, on one line
 */
public record Bound(String source) {

  private static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("-?\\d{1,30}(\\.\\d{1,30})?");

  /** Checks the source. */
  public Bound {
    Objects.requireNonNull(source, "source");
    new Expression(source); // same shape rules as an expression
  }

  /** Shorthand for {@code new Bound(source)}. */
  public static Bound of(String source) {
    return new Bound(source);
  }

  /** A numeric bound. */
  public static Bound of(BigDecimal number) {
    return new Bound(number.toPlainString());
  }

  /** The bound as a number, if it is a plain decimal literal. */
  public Optional<BigDecimal> number() {
    if (!NUMBER.matcher(source).matches()) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(source));
  }

  /** The bound as an expression (every bound, literal or not, is one). */
  public Expression expression() {
    return new Expression(source);
  }
}

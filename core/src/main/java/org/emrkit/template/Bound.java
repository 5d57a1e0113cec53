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

  /**
   * The numbers of the decimal literal bounds met, by their text (at most 62 characters each):
   * validation asks for every bound of every field it checks, in every record it checks.
   * Bounded: past 4,096 texts a bound is parsed each time. Other bounds are not kept.
   */
  private static final java.util.Map<String, Optional<BigDecimal>> NUMBERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The bound as a number, if it is a plain decimal literal. */
  public Optional<BigDecimal> number() {
    Optional<BigDecimal> n = NUMBERS.get(source);
    if (n != null) {
      return n;
    }
    // a scan, not a regular expression
    if (!plainDecimal(source)) {
      return Optional.empty();
    }
    n = Optional.of(new BigDecimal(source));
    if (NUMBERS.size() < 4_096) {
      NUMBERS.put(source, n);
    }
    return n;
  }

  /** Whether {@code s} is {@code -?\d{1,30}(\.\d{1,30})?} (ASCII digits). */
  static boolean plainDecimal(String s) {
    int i = s.startsWith("-") ? 1 : 0;
    int whole = digits(s, i);
    i += whole;
    if (whole < 1 || whole > 30) {
      return false;
    }
    if (i == s.length()) {
      return true;
    }
    if (s.charAt(i) != '.') {
      return false;
    }
    int fraction = digits(s, i + 1);
    return fraction >= 1 && fraction <= 30 && i + 1 + fraction == s.length();
  }

  private static int digits(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i - from;
  }

  /** The bound as an expression (every bound, literal or not, is one). */
  public Expression expression() {
    return new Expression(source);
  }
}

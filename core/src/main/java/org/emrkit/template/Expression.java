package org.emrkit.template;

import java.util.Objects;

/**
 * The source text of an expression in the template expression language (template DSL §7):
 * a {@code when} or {@code if} condition, a {@code calc} formula or a date bound.
 *
 * <p>The model keeps the source only; parsing and evaluation belong to {@code org.emrkit.expr}.
 * Immutable and thread-safe.
 *
 * @param source the expression as written, not blank, at most {@link #MAX_LENGTH} characters
 */
public record Expression(String source) {

  /** Longest accepted expression source, in characters. */
  public static final int MAX_LENGTH = 2_000;

  /**
   * The most calculated fields a calc may read through one another ({@code c1 = c0 + 1},
   * {@code c2 = c1 + 1} ... is a chain of one, two ...): the DSL refuses a longer chain and a
   * cycle; an evaluation follows twice as many before it reads nothing, so that a condition or
   * a calc over a longest chain still computes.
   */
  public static final int MAX_CALC_CHAIN = 16;

  /** Checks the source. */
  public Expression {
    Objects.requireNonNull(source, "source");
    if (source.isBlank()) {
      throw new IllegalArgumentException("expression must not be blank");
    }
    if (source.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "expression longer than " + MAX_LENGTH + " characters (" + source.length() + ")");
    }
    if (source.indexOf('\n') >= 0 || source.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("expression must be on one line: " + source);
    }
  }

  /** Shorthand for {@code new Expression(source)}. */
  public static Expression of(String source) {
    return new Expression(source);
  }
}

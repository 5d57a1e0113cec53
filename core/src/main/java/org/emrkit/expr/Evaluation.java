package org.emrkit.expr;

import org.emrkit.problem.Message;

/**
 * The outcome of evaluating an expression: a value (possibly {@code null}) or an error message.
 *
 * @param value the value when there was no error
 * @param error what went wrong, or {@code null}
 */
public record Evaluation(Object value, Message error) {

  /** Whether evaluation failed. */
  public boolean failed() {
    return error != null;
  }

  /** The value as a truth value: {@code true} only for {@code Boolean.TRUE}. */
  public boolean isTrue() {
    return Boolean.TRUE.equals(value);
  }
}

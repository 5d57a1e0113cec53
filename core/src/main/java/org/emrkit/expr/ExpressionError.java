package org.emrkit.expr;

import java.util.Objects;
import org.emrkit.problem.Message;

/**
 * Why an expression is not accepted, and where: a 0-based character offset into the expression
 * source, so tools can point into it (a DSL diagnostic adds the expression's own column).
 *
 * @param offset 0-based offset into the expression source
 * @param message what is wrong, in Chinese and English
 */
public record ExpressionError(int offset, Message message) {

  /** Checks the members. */
  public ExpressionError {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative");
    }
    Objects.requireNonNull(message, "message");
  }
}

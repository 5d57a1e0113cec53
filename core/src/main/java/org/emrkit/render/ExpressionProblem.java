package org.emrkit.render;

import org.emrkit.problem.Message;

/**
 * An expression that could not be evaluated while walking a record; the content it governs is
 * shown (an expression that fails does not hide anything).
 *
 * @param path JSON pointer of what the expression belongs to
 * @param expression the expression's source
 * @param message why it could not be evaluated
 */
public record ExpressionProblem(String path, String expression, Message message) {}

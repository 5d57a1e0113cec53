package org.emrkit.validation.rules;

import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.RecordRule;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code field/expression} (warning): a {@code when} or {@code if} expression that could not be
 * evaluated with this record's values; its content was treated as shown.
 */
final class ExpressionRule implements RecordRule {
  static final RuleInfo INFO = Infos.info("field/expression", "条件表达式无法求值",
      "condition could not be evaluated", "EMRKit (when, if)", Severity.WARNING, "0", false, "条件 hours(startedAt, now()) > 1 无法求值：表达式求值失败：expected a date or date-ti"
          + "me (or two times), got String",
      "condition hours(startedAt, now()) > 1 could not be evaluated: expressi"
          + "on evaluation failed: expected a date or date-time (or two times), got"
          + " String");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext context, Reporter reporter) {
    for (org.emrkit.render.ExpressionProblem p : context.expressionProblems()) {
      reporter.report(p.path(), new Message("条件 " + p.expression() + " 无法求值：" + p.message().zh(),
          "condition " + p.expression() + " could not be evaluated: " + p.message().en()));
    }
  }
}

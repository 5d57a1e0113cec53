package org.emrkit.dsl.internal;

import java.util.List;
import org.emrkit.expr.CalcGraph;
import org.emrkit.expr.ExpressionEngine;
import org.emrkit.template.Expression;

/**
 * Calculated fields that read each other ({@link CalcGraph}): a cycle is {@code dsl/calc-cycle},
 * a chain longer than {@link Expression#MAX_CALC_CHAIN} is {@code dsl/calc-chain}, both errors at
 * the name in the expression that closes the cycle or goes one too deep. Either calc would print
 * nothing, for ever and without a word, where the template is used.
 */
final class CalcChains {

  private CalcChains() {}

  /** Checks the calcs the file declared (after their names are known to be fields). */
  static void check(BuildState state, List<CalcTypes.Calc> calcs) {
    CalcGraph<Integer> graph = new CalcGraph<>();
    for (CalcTypes.Calc calc : calcs) {
      graph.calc(calc.field().name());
    }
    ExpressionEngine expressions = state.expressions;
    for (CalcTypes.Calc calc : calcs) {
      int base = calc.exprOffset(state.source.text);
      for (ExpressionEngine.Name n : expressions.names(calc.field().expr().source())) {
        if (graph.isCalc(n.name())) {
          graph.read(calc.field().name(), n.name(), base + n.offset());
        }
      }
    }
    for (CalcGraph.Problem<Integer> p : graph.problems()) {
      if (p.cycle()) {
        state.problems.error(p.site(), "dsl/calc-cycle", "计算字段相互引用(" + p.ring()
            + ")，永远无法算出：请改为读取填写的字段", "calcs read each other (" + p.ring() + ")"
            + " and can never be computed: read filled-in fields instead");
      } else {
        int max = Expression.MAX_CALC_CHAIN;
        state.problems.error(p.site(), "dsl/calc-chain", "计算字段 " + p.calc() + " 经由 "
            + p.read() + " 读取了超过 " + max + " 层计算字段：请直接读取填写的字段",
            "calc " + p.calc() + " reads calcs through " + p.read() + " more than " + max
            + " deep: read the filled-in fields directly");
      }
    }
  }
}

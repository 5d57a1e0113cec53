package org.emrkit.dsl.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrkit.expr.ExpressionEngine;
import org.emrkit.template.Expression;

/**
 * Calculated fields that read each other: a cycle ({@code c = d + 1}, {@code d = c * 2}, or a
 * calc that reads itself) is {@code dsl/calc-cycle}, a chain of calcs each reading the next
 * longer than {@link Expression#MAX_CALC_CHAIN} is {@code dsl/calc-chain}, both errors at the
 * name in the expression that closes the cycle or goes one too deep. Either calc would print
 * nothing, for ever and without a word, where the template is used.
 */
final class CalcChains {

  /** A name of a calc that a calc's expression reads, and where (in the file). */
  private record Read(String name, int offset) {}

  private final BuildState state;
  private final Map<String, List<Read>> reads = new LinkedHashMap<>();
  /** 1 while a calc's reads are followed, 2 when done, 3 when it is part of a problem said. */
  private final Map<String, Integer> state2 = new HashMap<>();
  /** The longest chain of calcs below each calc done (0: it reads none). */
  private final Map<String, Integer> longest = new HashMap<>();
  /** The calcs whose reads are being followed, outermost first. */
  private final List<String> path = new ArrayList<>();

  private CalcChains(BuildState state) {
    this.state = state;
  }

  /** Checks the calcs the file declared (after their names are known to be fields). */
  static void check(BuildState state, List<CalcTypes.Calc> calcs) {
    CalcChains c = new CalcChains(state);
    for (CalcTypes.Calc calc : calcs) {
      c.reads.putIfAbsent(calc.field().name(), new ArrayList<>());
    }
    ExpressionEngine expressions = state.expressions;
    for (CalcTypes.Calc calc : calcs) {
      String src = calc.field().expr().source();
      int at = state.source.text.indexOf(src, calc.offset());
      int base = at < 0 ? calc.offset() : at;
      List<Read> out = c.reads.get(calc.field().name());
      for (ExpressionEngine.Name n : expressions.names(src)) {
        if (c.reads.containsKey(n.name())) {
          out.add(new Read(n.name(), base + n.offset()));
        }
      }
    }
    for (String name : c.reads.keySet()) {
      c.follow(name);
    }
  }

  /**
   * The longest chain below {@code name}, or -1 when it is part of a problem said (each cycle
   * and each chain said once, at the read that closes or deepens it).
   */
  private int follow(String name) {
    Integer s = state2.get(name);
    if (s != null) {
      return s == 2 ? longest.get(name) : -1;
    }
    state2.put(name, 1);
    path.add(name);
    try {
      int deepest = 0;
      for (Read r : reads.get(name)) {
        if (Integer.valueOf(1).equals(state2.get(r.name()))) {
          state2.put(name, 3);
          // the cycle as it reads: c → d → c
          String ring = String.join(" → ", path.subList(path.lastIndexOf(r.name()),
              path.size())) + " → " + r.name();
          state.problems.error(r.offset(), "dsl/calc-cycle", "计算字段相互引用(" + ring
              + ")，永远无法算出：请改为读取填写的字段", "calcs read each other (" + ring + ")"
              + " and can never be computed: read filled-in fields instead");
          return -1;
        }
        int below = follow(r.name());
        if (below < 0) {
          state2.put(name, 3);
          return -1;
        }
        if (below + 1 > Expression.MAX_CALC_CHAIN) {
          state2.put(name, 3);
          int max = Expression.MAX_CALC_CHAIN;
          state.problems.error(r.offset(), "dsl/calc-chain", "计算字段 " + name + " 经由 "
              + r.name() + " 读取了超过 " + max + " 层计算字段：请直接读取填写的字段",
              "calc " + name + " reads calcs through " + r.name() + " more than " + max
              + " deep: read the filled-in fields directly");
          return -1;
        }
        deepest = Math.max(deepest, below + 1);
      }
      state2.put(name, 2);
      longest.put(name, deepest);
      return deepest;
    } finally {
      path.remove(path.size() - 1);
    }
  }
}

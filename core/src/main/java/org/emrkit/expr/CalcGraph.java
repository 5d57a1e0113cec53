package org.emrkit.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.emrkit.template.Expression;

/**
 * Calculated fields that read each other, as a graph: a cycle ({@code c = d + 1},
 * {@code d = c * 2}, or a calc that reads itself) can never be computed, and a chain of calcs
 * each reading the next deeper than {@link Expression#MAX_CALC_CHAIN} is more than an evaluation
 * follows; either calc prints nothing. The template compiler reports them as errors at the read
 * in the file, the template JSON reader as warnings (a template compiled before they were
 * refused must still read). Each cycle and each chain is found once, at the read that closes or
 * deepens it. Not thread-safe; one per check.
 *
 * @param <S> where a read is, as its reader names places (an offset, a pointer)
 */
public final class CalcGraph<S> {

  /** A calc that one calc reads, and where. */
  private record Read<S>(String name, S site) {}

  /**
   * What was found.
   *
   * @param cycle a cycle, else a chain too deep
   * @param calc the calc whose read closes the cycle or goes too deep
   * @param read the calc it reads there
   * @param ring the cycle as it reads ({@code a → b → a}); for a chain, {@code calc → read}
   * @param site where the read is
   */
  public record Problem<S>(boolean cycle, String calc, String read, String ring, S site) {}

  private final Map<String, List<Read<S>>> reads = new LinkedHashMap<>();
  /** 1 while a calc's reads are followed, 2 when done, 3 when it is part of a problem found. */
  private final Map<String, Integer> state = new HashMap<>();
  /** The longest chain of calcs below each calc done (0: it reads none). */
  private final Map<String, Integer> longest = new HashMap<>();
  /** The calcs whose reads are being followed, outermost first. */
  private final List<String> path = new ArrayList<>();
  private final List<Problem<S>> problems = new ArrayList<>();

  /** An empty graph: declare the calcs, then their reads. */
  public CalcGraph() {}

  /** Declares a calc (each before any read: a read of a name not declared is not a calc's). */
  public void calc(String name) {
    reads.putIfAbsent(Objects.requireNonNull(name, "name"), new ArrayList<>());
  }

  /** Whether a calc of this name is declared. */
  public boolean isCalc(String name) {
    return reads.containsKey(name);
  }

  /** That calc {@code calc} reads calc {@code name} at {@code site}. */
  public void read(String calc, String name, S site) {
    List<Read<S>> r = reads.get(calc);
    if (r == null || !reads.containsKey(name)) {
      throw new IllegalArgumentException("not a declared calc: " + (r == null ? calc : name));
    }
    r.add(new Read<>(name, site));
  }

  /** The cycles and chains too deep, in the order the calcs were declared. */
  public List<Problem<S>> problems() {
    for (String name : reads.keySet()) {
      follow(name);
    }
    return List.copyOf(problems);
  }

  /** The longest chain below {@code name}, or -1 when it is part of a problem found. */
  private int follow(String name) {
    Integer s = state.get(name);
    if (s != null) {
      return s == 2 ? longest.get(name) : -1;
    }
    state.put(name, 1);
    path.add(name);
    try {
      int deepest = 0;
      for (Read<S> r : reads.get(name)) {
        if (Integer.valueOf(1).equals(state.get(r.name()))) {
          state.put(name, 3);
          String ring = String.join(" → ", path.subList(path.lastIndexOf(r.name()),
              path.size())) + " → " + r.name();
          problems.add(new Problem<>(true, name, r.name(), ring, r.site()));
          return -1;
        }
        int below = follow(r.name());
        if (below < 0) {
          state.put(name, 3);
          return -1;
        }
        if (below + 1 > Expression.MAX_CALC_CHAIN) {
          state.put(name, 3);
          problems.add(new Problem<>(false, name, r.name(), name + " → " + r.name(), r.site()));
          return -1;
        }
        deepest = Math.max(deepest, below + 1);
      }
      state.put(name, 2);
      longest.put(name, deepest);
      return deepest;
    } finally {
      path.remove(path.size() - 1);
    }
  }
}

package org.emrkit.codelists;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A code list that could not be loaded: the file, and every bad row found (at most {@value
 * #MAX_REPORTED}), each with its row number.
 */
public final class CodeListException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The most problems one exception lists. */
  public static final int MAX_REPORTED = 100;

  private final transient List<RowProblem> problems;

  CodeListException(String file, List<RowProblem> problems) {
    super(file + ": " + problems.size() + (problems.size() >= MAX_REPORTED ? "+" : "")
        + " bad row(s) (编码表有错误行)\n" + problems.stream().map(p -> "  " + p)
        .collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  CodeListException(String file, String message) {
    super(file + ": " + message);
    this.problems = List.of();
  }

  /** The bad rows, in file order. */
  public List<RowProblem> problems() {
    return problems;
  }
}

package org.emrkit.json;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link ReadResult#orElseThrow()} when JSON input had errors; carries all problems. */
public final class JsonInputException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The problems, errors first. */
  private final transient List<JsonProblem> problems;

  JsonInputException(List<JsonProblem> problems) {
    super(problems.stream().map(JsonProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found. */
  public List<JsonProblem> problems() {
    return problems;
  }
}

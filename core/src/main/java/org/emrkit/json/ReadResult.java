package org.emrkit.json;

import java.util.List;
import java.util.Optional;
import org.emrkit.problem.Severity;

/**
 * The outcome of reading JSON: the value, or nothing, and every problem found. A value is present
 * exactly when no problem is an error; nothing half-read is ever returned.
 *
 * @param <T> what was read
 * @param value the value, or {@code null} when there were errors
 * @param problems all problems, errors and warnings, in document order
 */
public record ReadResult<T>(T value, List<JsonProblem> problems) {

  /** Checks that a value comes only without errors. */
  public ReadResult {
    problems = List.copyOf(problems);
    boolean errors = problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    if (errors && value != null) {
      throw new IllegalArgumentException("a read with errors must not return a value");
    }
    if (!errors && value == null) {
      throw new IllegalArgumentException("a read without errors must return a value");
    }
  }

  static <T> ReadResult<T> failed(List<JsonProblem> problems) {
    return new ReadResult<>(null, problems);
  }

  /** Whether the read succeeded. */
  public boolean isOk() {
    return value != null;
  }

  /** The value, if the read succeeded. */
  public Optional<T> get() {
    return Optional.ofNullable(value);
  }

  /** The error problems only. */
  public List<JsonProblem> errors() {
    return problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
  }

  /** The value, or a {@link JsonInputException} listing the problems. */
  public T orElseThrow() {
    if (value == null) {
      throw new JsonInputException(problems);
    }
    return value;
  }
}

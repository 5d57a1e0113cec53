package org.emrkit.json;

import java.util.Objects;
import org.emrkit.problem.Location;
import org.emrkit.problem.Message;
import org.emrkit.problem.Problem;
import org.emrkit.problem.Severity;

/**
 * A problem found while reading JSON: where (a JSON pointer into the document), a stable code,
 * a severity and a message in Chinese and English.
 *
 * @param pointer JSON pointer into the document ({@code ""} for the whole document)
 * @param code stable code, e.g. {@code json/schema}, {@code json/unknown-field}
 * @param severity error (the read fails) or warning (the read succeeds)
 * @param message what is wrong
 */
public record JsonProblem(String pointer, String code, Severity severity, Message message)
    implements Problem {

  /** Checks the members. */
  public JsonProblem {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  /** The JSON pointer of {@link #pointer()}. */
  @Override
  public Location location() {
    return new Location.Pointer(pointer);
  }

  static JsonProblem error(String pointer, String code, String zh, String en) {
    return new JsonProblem(pointer, code, Severity.ERROR, new Message(zh, en));
  }

  static JsonProblem warning(String pointer, String code, String zh, String en) {
    return new JsonProblem(pointer, code, Severity.WARNING, new Message(zh, en));
  }

  /** {@code /values/temp: error json/type: 应为数字(expected a number)}. */
  @Override
  public String toString() {
    return (pointer.isEmpty() ? "/" : pointer) + ": " + severity.label() + " " + code + ": "
        + message;
  }
}

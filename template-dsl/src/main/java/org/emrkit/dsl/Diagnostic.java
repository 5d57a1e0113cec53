package org.emrkit.dsl;

import java.util.Objects;
import org.emrkit.problem.Location;
import org.emrkit.problem.Message;
import org.emrkit.problem.Problem;
import org.emrkit.problem.Severity;

/**
 * A problem the template compiler found, for template authors: where (file, 1-based line and
 * column, counted in characters), how serious, a stable code, and a message in Chinese and
 * English. {@link #toString()} gives the one-line form
 * {@code admission.emr.md:14:9: error dsl/unknown-field-type: 未知的字段类型 "txt"(unknown field type "txt"; ...)}.
 *
 * @param file the file name as given to the compiler
 * @param line 1-based line
 * @param column 1-based column, in characters (code points)
 * @param severity error or warning
 * @param code stable code, {@code dsl/...}
 * @param message what is wrong
 */
public record Diagnostic(String file, int line, int column, Severity severity, String code,
    Message message) implements Problem {

  /** Checks the members. */
  public Diagnostic {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based");
    }
  }

  /** {@code file:line:column}. */
  @Override
  public Location location() {
    return new Location.Source(file, line, column);
  }

  /** Whether this is an error (a template with errors produces no model). */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + severity.label() + " " + code + ": " + message;
  }
}

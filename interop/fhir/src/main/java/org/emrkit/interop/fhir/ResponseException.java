package org.emrkit.interop.fhir;

import java.util.Objects;
import org.emrkit.problem.Location;
import org.emrkit.problem.Message;
import org.emrkit.problem.Problem;
import org.emrkit.problem.Severity;

/**
 * A QuestionnaireResponse that does not fit its template: an item the template has no field or
 * group for, or answers that do not fit the field ({@code fhir/unknown-item},
 * {@code fhir/bad-answer}, {@code fhir/parse}), located by a JSON pointer into the response.
 */
public final class ResponseException extends RuntimeException implements Problem {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final String pointer;
  private final transient Message message;

  /** A problem at {@code pointer} in the response. */
  public ResponseException(String code, String pointer, Message message, Throwable cause) {
    super(Objects.requireNonNull(message, "message").en(), cause);
    this.code = Objects.requireNonNull(code, "code");
    this.pointer = Objects.requireNonNull(pointer, "pointer");
    this.message = message;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public Location location() {
    return Location.pointer(pointer);
  }

  @Override
  public Message message() {
    return message;
  }
}

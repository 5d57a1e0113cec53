package org.emrkit.interop.fhir;

import org.emrkit.problem.Message;
import org.emrkit.problem.PointerException;

/**
 * A QuestionnaireResponse that does not fit its template: an item the template has no field or
 * group for, or answers that do not fit the field ({@code fhir/unknown-item},
 * {@code fhir/bad-answer}, {@code fhir/parse}), located by a JSON pointer into the response.
 */
public final class ResponseException extends PointerException {

  private static final long serialVersionUID = 1L;

  /** A problem at {@code pointer} in the response. */
  public ResponseException(String code, String pointer, Message message, Throwable cause) {
    super(code, pointer, message, cause);
  }
}

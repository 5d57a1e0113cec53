package org.emrkit.record;

/**
 * A coded value: {@code {"code": "I20.000", "display": "不稳定型心绞痛", "system": "ICD-10"}}.
 *
 * @param code the code
 * @param display the display text, or {@code null}
 * @param system the code system, or {@code null}
 */
public record Coding(String code, String display, String system) {

  /** Checks the members. */
  public Coding {
    Checks.line(code, "code", 64);
    Checks.optionalLine(display, "display", 500);
    Checks.optionalLine(system, "system", 100);
  }
}

package org.emrkit.record;

/**
 * A coded value: {@code {"code": "I20.000", "display": "不稳定型心绞痛", "system":
 * "icd10-clinical", "version": "2.0"}}. The system and version say which list (and edition of
 * it) the code was picked from, so an archived record keeps its meaning when the hospital moves
 * to a newer edition.
 *
 * @param code the code
 * @param display the display text, or {@code null}
 * @param system the code system, or {@code null}
 * @param version the code system's version, or {@code null}
 */
public record Coding(String code, String display, String system, String version) {

  /** Checks the members. */
  public Coding {
    Checks.line(code, "code", 64);
    Checks.optionalLine(display, "display", 500);
    Checks.optionalLine(system, "system", 100);
    Checks.optionalLine(version, "version", 64);
    if (version != null && system == null) {
      throw new IllegalArgumentException("a coded value's version needs its system");
    }
  }

  /** A coding without a system version. */
  public Coding(String code, String display, String system) {
    this(code, display, system, null);
  }
}

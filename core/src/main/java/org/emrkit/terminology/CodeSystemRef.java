package org.emrkit.terminology;

import java.util.Objects;

/**
 * A code system and, optionally, its version, as a template binds a coded field to it: {@code
 * system=icd10-clinical|2.0} (the FHIR {@code url|version} convention) or {@code system=ICD-10}
 * (no version: the host's terminology resolves it, usually to the edition the hospital codes
 * with).
 *
 * @param id the system's id, e.g. {@code icd10-clinical}
 * @param version the version, e.g. {@code 2.0}, or {@code null} for whichever the host uses
 */
public record CodeSystemRef(String id, String version) {

  /** What each part is: {@link #part} reads it (the test holds the two the same). */
  static final String PART = "[^\\s|]{1,64}";

  /** Checks both parts. */
  public CodeSystemRef {
    Objects.requireNonNull(id, "id");
    if (!part(id) || (version != null && !part(version))) {
      throw new IllegalArgumentException("bad code system \"" + id
          + (version == null ? "" : "|" + version)
          + "\": expected an id like icd10-clinical, optionally |version like |2.0");
    }
  }

  /**
   * Whether {@code s} is one to 64 characters (code points), none a bar or white space as a
   * regular expression's {@code \\s} means it: a validation makes a reference for each coded
   * field, and matching {@link #PART} each time was a hundredth of it.
   */
  private static boolean part(String s) {
    int count = 0;
    for (int i = 0; i < s.length(); count++) {
      int c = s.codePointAt(i);
      if (c == '|' || c == ' ' || c >= '\t' && c <= '\r' || count == 64) {
        return false;
      }
      i += Character.charCount(c);
    }
    return count > 0;
  }

  /** Reads {@code id} or {@code id|version}. */
  public static CodeSystemRef parse(String text) {
    Objects.requireNonNull(text, "text");
    int bar = text.indexOf('|');
    return bar < 0 ? new CodeSystemRef(text, null)
        : new CodeSystemRef(text.substring(0, bar), text.substring(bar + 1));
  }

  /** {@code id} or {@code id|version}. */
  @Override
  public String toString() {
    return version == null ? id : id + "|" + version;
  }
}

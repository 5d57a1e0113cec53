package org.emrkit.terminology;

import java.util.Objects;
import java.util.regex.Pattern;

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

  private static final Pattern PART = Pattern.compile("[^\\s|]{1,64}");

  /** Checks both parts. */
  public CodeSystemRef {
    Objects.requireNonNull(id, "id");
    if (!PART.matcher(id).matches() || (version != null && !PART.matcher(version).matches())) {
      throw new IllegalArgumentException("bad code system \"" + id
          + (version == null ? "" : "|" + version)
          + "\": expected an id like icd10-clinical, optionally |version like |2.0");
    }
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

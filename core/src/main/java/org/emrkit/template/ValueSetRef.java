package org.emrkit.template;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A reference from a field to a value set: {@code sex} names a value set defined in the
 * template; {@code host:icd10-clinical-2.0} names one the host's terminology service provides at
 * run time. Written {@code valueset=@sex} in the template DSL.
 *
 * @param id the value-set id, optionally prefixed {@code host:}
 */
public record ValueSetRef(String id) {

  private static final Pattern ID = Pattern.compile("(host:)?[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final String HOST_PREFIX = "host:";

  /** Checks the id. */
  public ValueSetRef {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("bad value-set reference \"" + id
          + "\": expected an id like sex or host:icd10-clinical-2.0");
    }
  }

  /** Shorthand for {@code new ValueSetRef(id)}. */
  public static ValueSetRef of(String id) {
    return new ValueSetRef(id);
  }

  /** Whether the host provides this value set (rather than the template). */
  public boolean isHost() {
    return id.startsWith(HOST_PREFIX);
  }
}

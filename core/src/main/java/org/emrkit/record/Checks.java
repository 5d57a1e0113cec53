package org.emrkit.record;

import java.util.Objects;

/** Argument checks of the record model (package-private). */
final class Checks {
  private Checks() {}

  static void line(String value, String what, int max) {
    Objects.requireNonNull(value, what);
    optionalLine(value, what, max);
  }

  static void optionalLine(String value, String what, int max) {
    if (value != null && (value.isEmpty() || value.length() > max || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0)) {
      throw new IllegalArgumentException(what + " must be one line of 1 to " + max
          + " characters");
    }
  }
}

package org.emrkit.template;

import java.util.Locale;

/** Page orientation. */
public enum Orientation {
  /** Taller than wide (the default). */
  PORTRAIT,
  /** Wider than tall. */
  LANDSCAPE;

  /** The lower-case name used in the DSL and JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The orientation with this label, case-insensitive. */
  public static Orientation fromLabel(String label) {
    for (Orientation o : values()) {
      if (o.label().equalsIgnoreCase(label)) {
        return o;
      }
    }
    throw new IllegalArgumentException("unknown orientation \"" + label
        + "\"; expected portrait or landscape");
  }
}

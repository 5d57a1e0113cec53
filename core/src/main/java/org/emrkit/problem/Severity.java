package org.emrkit.problem;

import java.util.Locale;

/** How serious a finding or diagnostic is. */
public enum Severity {
  /** Must be fixed: blocks signing, makes a read fail, or stops compilation. */
  ERROR,
  /** Should be looked at; does not stop anything. */
  WARNING,
  /** For information only. */
  INFO;

  /** The lower-case name used in JSON and text output. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

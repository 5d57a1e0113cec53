package org.emrkit.edit;

import java.util.Locale;

/** What an actor asks to do to a record; what a {@link PermissionPolicy} decides on. */
public enum EditAction {
  /** Write content no valid signature covers (书写). */
  WRITE,
  /** Change content a valid signature covers (修改); needs a reason and a role at least as high. */
  AMEND,
  /** Sign content no valid signature covers yet (签名). */
  SIGN,
  /** Sign content someone of a lower rank has signed (审签, countersign). */
  REVIEW,
  /** Lock the record for good (归档). */
  ARCHIVE;

  /** The name used in policy tables: {@code write}, {@code amend}... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The action with this label, or {@code null}. */
  public static EditAction fromLabel(String label) {
    for (EditAction a : values()) {
      if (a.label().equals(label)) {
        return a;
      }
    }
    return null;
  }
}

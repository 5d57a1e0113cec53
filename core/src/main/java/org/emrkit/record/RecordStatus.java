package org.emrkit.record;

import java.util.Locale;

/** Where a record is in its life: draft → signed → archived, never back. */
public enum RecordStatus {
  /** Being written. */
  DRAFT,
  /** Signed by its author (and possibly reviewed); changes need a reason. */
  SIGNED,
  /** Archived; no change is allowed. */
  ARCHIVED;

  /** As the ward says it: 草稿, 已签名, 已归档. */
  public String title() {
    return switch (this) {
      case DRAFT -> "草稿";
      case SIGNED -> "已签名";
      case ARCHIVED -> "已归档";
    };
  }

  /** The JSON name. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status with this JSON name, or {@code null}. */
  public static RecordStatus fromLabel(String label) {
    for (RecordStatus s : values()) {
      if (s.label().equals(label)) {
        return s;
      }
    }
    return null;
  }
}

package org.emrkit.template;

import java.util.Locale;

/** The types of a {@link Field} (template DSL §3), with the value each holds in a record. */
public enum FieldType {
  /** One line of text; a string. */
  TEXT,
  /** Narrative with paragraphs and inline styles; a string. */
  RICHTEXT,
  /** A whole number. */
  INTEGER,
  /** A decimal number. */
  DECIMAL,
  /** An ISO-8601 date. */
  DATE,
  /** An ISO-8601 date and time with offset. */
  DATETIME,
  /** An ISO-8601 local time. */
  TIME,
  /** A checkbox; true or false. */
  BOOLEAN,
  /** One option (or code of a value set). */
  CHOICE,
  /** Several options; a list. */
  MULTICHOICE,
  /** A code from a code system: {@code {code, display, system}}. */
  CODED,
  /** A signer and the time: {@code {id, name, role, at}}. */
  SIGNATURE,
  /** Computed from other fields; read-only, not stored. */
  CALC,
  /** Filled from the host's context; not stored. */
  MACRO;

  /** The label, made once (every control of an edit form names its type). */
  private final String label = name().toLowerCase(Locale.ROOT);

  /** The lower-case name used in the DSL and JSON. */
  public String label() {
    return label;
  }

  /** Whether a record stores a value for fields of this type ({@code calc} and {@code macro} do not). */
  public boolean isStored() {
    return this != CALC && this != MACRO;
  }

  /** The type with this label, or {@code null}. */
  public static FieldType fromLabel(String label) {
    for (FieldType t : values()) {
      if (t.label().equals(label)) {
        return t;
      }
    }
    return null;
  }
}

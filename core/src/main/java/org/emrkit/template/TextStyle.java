package org.emrkit.template;

/** Character styles of template text (DSL: {@code **bold**}, {@code *italic*}, {@code ^sup^}, {@code ~sub~}). */
public enum TextStyle {
  /** Bold. */
  BOLD,
  /** Italic. */
  ITALIC,
  /** Superscript, e.g. the 9 in 10^9^/L. */
  SUPERSCRIPT,
  /** Subscript, e.g. the 2 in SpO~2~. */
  SUBSCRIPT
}

package org.emrkit.render;

import java.util.Locale;

/** What a print puts on paper (see {@link PrintRequest}). */
public enum PrintMode {
  /** 续打: everything not printed yet, from right under the last printed content. */
  CONTINUE,
  /** 位置续打: from a chosen entry or row, on the page where it falls. */
  FROM,
  /** 重打: chosen pages, whole. */
  PAGES,
  /** The whole record. */
  ALL;

  /** The name in the print log and on the command line: {@code continue}, {@code from}... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode with this label, or {@code null}. */
  public static PrintMode fromLabel(String label) {
    for (PrintMode m : values()) {
      if (m.label().equals(label)) {
        return m;
      }
    }
    return null;
  }
}

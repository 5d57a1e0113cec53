package org.emrkit.examples;

/**
 * Lines up text in a terminal by display width: a Chinese character takes two columns, so
 * padding by characters would misalign a table of Chinese and Latin text.
 */
final class Columns {

  private Columns() {}

  /** The columns a string takes on a terminal (East Asian wide and full-width characters: 2). */
  static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += wide(cp) ? 2 : 1;
      i += Character.charCount(cp);
    }
    return w;
  }

  private static boolean wide(int cp) {
    return cp >= 0x1100 && (cp <= 0x115F || cp == 0x2329 || cp == 0x232A
        || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x20000 && cp <= 0x3FFFD));
  }

  /** Cells padded to the widths (the last one not padded), separated by a space. */
  static String row(int[] widths, String... cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i];
      sb.append(c);
      if (i < cells.length - 1) {
        sb.append(" ".repeat(Math.max(1, widths[i] - width(c) + 1)));
      }
    }
    return sb.toString();
  }
}

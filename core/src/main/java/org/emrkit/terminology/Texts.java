package org.emrkit.terminology;

import java.text.Normalizer;

/** Text folding for comparing names (package-private). */
final class Texts {
  private Texts() {}

  /**
   * NFKC (full-width brackets and digits become ASCII), white space removed: {@code
   * 2型糖尿病（伴并发症）} and {@code 2型糖尿病(伴并发症)} fold alike.
   */
  static String fold(String s) {
    if (s == null) {
      return "";
    }
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
    StringBuilder b = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (!Character.isWhitespace(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }
}

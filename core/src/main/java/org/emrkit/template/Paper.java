package org.emrkit.template;

/** Paper sizes a template may print on, with their portrait size in millimetres. */
public enum Paper {
  /** ISO A4, 210 x 297 mm (the default). */
  A4(210, 297),
  /** ISO A5, 148 x 210 mm. */
  A5(148, 210),
  /** ISO B5, 176 x 250 mm. */
  B5(176, 250),
  /** 16 开 as printed in Chinese hospitals, 184 x 260 mm. */
  K16(184, 260),
  /** US Letter, 215.9 x 279.4 mm. */
  LETTER(215.9, 279.4);

  private final double widthMm;
  private final double heightMm;

  Paper(double widthMm, double heightMm) {
    this.widthMm = widthMm;
    this.heightMm = heightMm;
  }

  /** Portrait width in millimetres. */
  public double widthMm() {
    return widthMm;
  }

  /** Portrait height in millimetres. */
  public double heightMm() {
    return heightMm;
  }

  /** The name used in the template DSL and JSON: {@code A4}, {@code 16K}, {@code LETTER}... */
  public String label() {
    return this == K16 ? "16K" : name();
  }

  /** The paper with this DSL/JSON label, case-insensitive. */
  public static Paper fromLabel(String label) {
    for (Paper p : values()) {
      if (p.label().equalsIgnoreCase(label)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown paper \"" + label
        + "\"; expected one of A4, A5, B5, 16K, LETTER");
  }
}

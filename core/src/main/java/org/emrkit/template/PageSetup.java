package org.emrkit.template;

import java.util.Objects;

/**
 * Paper, orientation and margins of a printed record.
 *
 * @param paper paper size
 * @param orientation portrait or landscape
 * @param marginTopMm top margin in millimetres, 0 to 100
 * @param marginRightMm right margin in millimetres
 * @param marginBottomMm bottom margin in millimetres
 * @param marginLeftMm left margin in millimetres (the binding edge of a chart)
 */
public record PageSetup(Paper paper, Orientation orientation, double marginTopMm,
    double marginRightMm, double marginBottomMm, double marginLeftMm) {

  /** A4 portrait, margins 20 mm with 25 mm on the binding (left) edge. */
  public static final PageSetup DEFAULT =
      new PageSetup(Paper.A4, Orientation.PORTRAIT, 20, 20, 20, 25);

  /** Checks the margins and that they leave room for content. */
  public PageSetup {
    Objects.requireNonNull(paper, "paper");
    Objects.requireNonNull(orientation, "orientation");
    for (double m : new double[] {marginTopMm, marginRightMm, marginBottomMm, marginLeftMm}) {
      if (!(m >= 0 && m <= 100)) {
        throw new IllegalArgumentException("margin must be 0 to 100 mm, was " + m);
      }
    }
    double w = orientation == Orientation.PORTRAIT ? paper.widthMm() : paper.heightMm();
    double h = orientation == Orientation.PORTRAIT ? paper.heightMm() : paper.widthMm();
    if (marginLeftMm + marginRightMm > w - 50 || marginTopMm + marginBottomMm > h - 50) {
      throw new IllegalArgumentException("margins leave less than 50 mm for content on " + paper);
    }
  }

  /** Default margins on the given paper and orientation. */
  public static PageSetup of(Paper paper, Orientation orientation) {
    return new PageSetup(paper, orientation, DEFAULT.marginTopMm, DEFAULT.marginRightMm,
        DEFAULT.marginBottomMm, DEFAULT.marginLeftMm);
  }

  /** Page width in millimetres, orientation applied. */
  public double widthMm() {
    return orientation == Orientation.PORTRAIT ? paper.widthMm() : paper.heightMm();
  }

  /** Page height in millimetres, orientation applied. */
  public double heightMm() {
    return orientation == Orientation.PORTRAIT ? paper.heightMm() : paper.widthMm();
  }
}

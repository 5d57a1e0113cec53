package org.emrkit.render;

import java.util.List;
import org.emrkit.template.Block;
import org.emrkit.template.Cell;
import org.emrkit.template.Inline;
import org.emrkit.template.Paragraph;
import org.emrkit.template.Table;
import org.emrkit.template.Text;

/**
 * A table's column widths on paper, the same rule for every format: the template's proportions,
 * with every column at least one character wide and, where the width allows, wide enough for
 * its short labels (a text-only cell of at most {@value #SHORT_LABEL} characters) and its dates
 * (a cell holding a date, time or date-time field alone) to stay on one line — "可靠程度" is not
 * printed as "可靠程" / "度" because its column came out a point too narrow, nor a nursing row's
 * 2026-11-20 10:00 on two lines. Widths are in whatever unit {@code width}, {@code em} and {@code padding} share.
 */
public final class ColumnWidths {

  /** Labels up to this many characters are kept on one line when the width allows. */
  public static final int SHORT_LABEL = 6;

  private ColumnWidths() {}

  /** A table (by identity: a template's tables live as long as it) and the measures asked. */
  private record Key(Table t, double width, double em, double padding) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.t == t && k.width == width && k.em == em
          && k.padding == padding;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(t) * 31 + Double.hashCode(width + em * 7 + padding * 13);
    }
  }

  /**
   * Widths worked out before: every rendering of a template asks for the same tables' widths,
   * and measuring their labels was a twentieth of a view. Only templates' tables are kept (the
   * 修改记录 tables a walk makes hold patients' text and are new each time); emptied when it
   * holds more than any host's templates have tables.
   */
  private static final java.util.Map<Key, double[]> KEPT =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The widths of {@code t}'s columns on a line {@code width} wide, for body text {@code em}
   * wide per Chinese character and cells with {@code padding} on the two sides together.
   */
  public static double[] of(Table t, double width, double em, double padding) {
    if (AmendmentTable.made(t)) {
      return measure(t, width, em, padding);
    }
    Key key = new Key(t, width, em, padding);
    double[] kept = KEPT.get(key);
    if (kept == null) {
      if (KEPT.size() > 4096) {
        KEPT.clear();
      }
      kept = measure(t, width, em, padding);
      KEPT.put(key, kept);
    }
    return kept.clone();
  }

  /** How many tables' widths are kept (tests). */
  static int kept() {
    return KEPT.size();
  }

  private static double[] measure(Table t, double width, double em, double padding) {
    int n = t.columns();
    double one = em + padding;
    double[] min = new double[n];
    java.util.Arrays.fill(min, one);
    double[] labels = min.clone();
    for (Cell c : t.cells()) {
      if (c.colSpan() == 1) {
        String label = label(c.content());
        if (label != null && label.codePointCount(0, label.length()) > SHORT_LABEL) {
          label = null;
        }
        if (label == null) {
          label = dated(c.content());
        }
        if (label != null) {
          labels[c.column()] = Math.max(labels[c.column()], ems(label) * em + padding + em * 0.1);
        }
      }
    }
    double[] labelled = fit(t, width, labels);
    if (labelled != null) {
      return labelled;
    }
    double[] plain = fit(t, width, min);
    if (plain != null) {
      return plain;
    }
    // not even a character a column: the proportions (the caller decides whether that prints)
    double sum = t.widths().stream().mapToDouble(Double::doubleValue).sum();
    return t.widths().stream().mapToDouble(w -> width * w / sum).toArray();
  }

  /**
   * The template's proportions with each column at least its minimum; {@code null} when the
   * minimums alone are wider than the line.
   */
  private static double[] fit(Table t, double width, double[] min) {
    int n = t.columns();
    if (java.util.Arrays.stream(min).sum() > width + 1e-9) {
      return null;
    }
    double[] out = new double[n];
    boolean[] fixed = new boolean[n];
    boolean changed = true;
    while (changed) {
      // columns below their minimum get it; the others share what is left in proportion
      changed = false;
      double rest = width;
      double share = 0;
      for (int i = 0; i < n; i++) {
        if (fixed[i]) {
          rest -= min[i];
        } else {
          share += t.widths().get(i);
        }
      }
      for (int i = 0; i < n; i++) {
        out[i] = fixed[i] ? min[i] : rest * t.widths().get(i) / share;
        if (!fixed[i] && out[i] < min[i]) {
          fixed[i] = true;
          changed = true;
        }
      }
    }
    return out;
  }

  /**
   * For a cell that holds a date, time or date-time field alone, text as wide as its value
   * ({@code 2026-11-20 10:00}): such a value never wraps where the width allows; else
   * {@code null}.
   */
  private static String dated(List<Block> content) {
    if (content.size() != 1 || !(content.get(0) instanceof Paragraph p)
        || p.inlines().size() != 1 || !(p.inlines().get(0) instanceof org.emrkit.template.Field f)) {
      return null;
    }
    return switch (f.type()) {
      case DATETIME -> "2026-11-20 10:00";
      case DATE -> "2026-11-20";
      case TIME -> "10:00";
      default -> null;
    };
  }

  /** The text of a cell that holds one paragraph of text only, or {@code null}. */
  private static String label(List<Block> content) {
    if (content.size() != 1 || !(content.get(0) instanceof Paragraph p)) {
      return null;
    }
    StringBuilder s = new StringBuilder();
    for (Inline i : p.inlines()) {
      if (!(i instanceof Text x)) {
        return null;
      }
      s.append(x.text());
    }
    String label = s.toString().strip();
    return label.isEmpty() ? null : label;
  }

  /**
   * A text's width in ems, generously: a wide character (CJK, and the symbols CJK fonts draw
   * full width, such as ℃) 1, a Latin letter 0.8 (m and W are about that wide), any other 0.6.
   */
  public static double ems(String text) {
    return text.codePoints().mapToDouble(c -> c >= 0x1100 ? 1.0
        : Character.isLetter(c) ? 0.8 : 0.6).sum();
  }
}

package org.emrkit.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a table prints, the same in every format: without lines (a layout table, such as the
 * identity rows of a 住院病案首页), with bold header cells, in its own font size, and with its
 * columns' body cells aligned left, centred or right (DSL: the delimiter row's {@code :---:}).
 *
 * @param borderless no cell borders and no header shading
 * @param boldHeader header cells in bold (they are always centred)
 * @param fontSize the table's text size in points (6 to 16), or {@code null} for the record's
 * @param align one alignment per grid column, or empty for all {@link Align#LEFT}
 */
public record TableStyle(boolean borderless, boolean boldHeader, Double fontSize,
    List<Align> align) {

  /** A column's alignment. */
  public enum Align {
    LEFT, CENTER, RIGHT;

    /** The lower-case name ({@code center}). */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The alignment of this lower-case name. */
    public static Align fromLabel(String label) {
      return valueOf(label.toUpperCase(Locale.ROOT));
    }
  }

  /** Lines, plain headers, the record's size, columns left-aligned. */
  public static final TableStyle DEFAULT = new TableStyle(false, false, null, List.of());

  /** Checks the size and keeps {@code align} empty when every column is left-aligned. */
  public TableStyle {
    if (fontSize != null && !(fontSize >= 6 && fontSize <= 16)) {
      throw new IllegalArgumentException("table font size must be 6 to 16 points, was "
          + fontSize);
    }
    align = align == null || align.stream().allMatch(a -> a == Align.LEFT) ? List.of()
        : List.copyOf(align);
  }

  /** Whether this is {@link #DEFAULT}. */
  public boolean isDefault() {
    return equals(DEFAULT);
  }

  /** The alignment of a grid column's body cells. */
  public Align align(int column) {
    return align.isEmpty() ? Align.LEFT : align.get(column);
  }

  /** The alignments, one per column of a table of {@code columns} (a list to edit). */
  List<Align> aligns(int columns) {
    List<Align> out = new ArrayList<>(columns);
    for (int c = 0; c < columns; c++) {
      out.add(align.isEmpty() ? Align.LEFT : align.get(c));
    }
    return out;
  }

  /** This style with other column alignments. */
  public TableStyle withAlign(List<Align> newAlign) {
    return new TableStyle(borderless, boldHeader, fontSize, newAlign);
  }
}

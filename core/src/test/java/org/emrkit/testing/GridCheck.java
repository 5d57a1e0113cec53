package org.emrkit.testing;

import java.util.ArrayList;
import java.util.List;
import org.emrkit.template.Cell;
import org.emrkit.template.Table;

/**
 * An independent check of the table grid invariant, written apart from the {@link Table}
 * constructor so that tests do not trust the code they test.
 */
public final class GridCheck {

  private GridCheck() {}

  /** Returns the problems of the table's grid; empty when the invariant holds. */
  public static List<String> problems(Table t) {
    List<String> out = new ArrayList<>();
    int[][] count = new int[t.rows()][t.columns()];
    if (t.widths().size() != t.columns()) {
      out.add("widths " + t.widths().size() + " != columns " + t.columns());
    }
    for (Cell c : t.cells()) {
      if (c.rowSpan() < 1 || c.colSpan() < 1) {
        out.add("span < 1 at " + c);
        continue;
      }
      if (c.row() + c.rowSpan() > t.rows() || c.column() + c.colSpan() > t.columns()) {
        out.add("outside grid: " + c);
        continue;
      }
      for (int r = c.row(); r < c.row() + c.rowSpan(); r++) {
        for (int col = c.column(); col < c.column() + c.colSpan(); col++) {
          count[r][col]++;
        }
      }
      if (c.row() < t.headerRows() && c.row() + c.rowSpan() > t.headerRows()) {
        out.add("crosses header boundary: " + c);
      }
      if (t.repeating() && c.row() < t.rows() - 1 && c.row() + c.rowSpan() > t.rows() - 1) {
        out.add("reaches into row template: " + c);
      }
    }
    for (int r = 0; r < t.rows(); r++) {
      for (int col = 0; col < t.columns(); col++) {
        if (count[r][col] != 1) {
          out.add("slot (" + r + "," + col + ") covered " + count[r][col] + " times");
        }
      }
    }
    return out;
  }

  /**
   * The slot structure of a table: for every slot, the anchor of the cell covering it, as
   * {@code "r,c"} strings. Two tables with equal structure have the same merged areas.
   */
  public static String[][] structure(Table t) {
    String[][] s = new String[t.rows()][t.columns()];
    for (Cell c : t.cells()) {
      for (int r = c.row(); r < c.row() + c.rowSpan(); r++) {
        for (int col = c.column(); col < c.column() + c.colSpan(); col++) {
          s[r][col] = c.row() + "," + c.column();
        }
      }
    }
    return s;
  }
}

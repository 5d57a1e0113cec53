package org.emrkit.template;

import java.util.ArrayList;
import java.util.List;

/**
 * The table edit operations: pure functions from a table to a new table (package-private; the
 * public entry points are the methods of {@link Table}). Each builds the new cell list and lets
 * the {@link Table} constructor check the invariant, so a bug here can only produce a refusal,
 * never an inconsistent table.
 */
final class TableEdits {

  /** Most rows or columns one split may produce. */
  static final int MAX_SPLIT = 100;

  private TableEdits() {}

  /**
   * Merges the slots {@code top..bottom} x {@code left..right} (inclusive) into one cell. Refused
   * when the rectangle cuts through a cell, crosses the header boundary or reaches into the row
   * template from above. The merged cell holds the content of all merged cells in reading order,
   * so nothing written is lost. A rectangle that is already one cell gives the same table.
   */
  static Table merge(Table t, int top, int left, int bottom, int right) {
    t.checkSlot(top, left);
    t.checkSlot(bottom, right);
    if (bottom < top || right < left) {
      throw new IllegalArgumentException("merge rectangle (" + top + ", " + left + ")-(" + bottom
          + ", " + right + ") is empty; give the top-left slot first");
    }
    List<Cell> inside = new ArrayList<>();
    List<Cell> out = new ArrayList<>();
    for (Cell c : t.cells()) {
      boolean overlaps = c.row() <= bottom && c.lastRow() >= top && c.column() <= right
          && c.lastColumn() >= left;
      boolean contained = c.row() >= top && c.lastRow() <= bottom && c.column() >= left
          && c.lastColumn() <= right;
      if (overlaps && !contained) {
        throw new IllegalArgumentException("cannot merge (" + top + ", " + left + ")-(" + bottom
            + ", " + right + "): it cuts through the cell at (" + c.row() + ", " + c.column()
            + ") spanning " + c.rowSpan() + "x" + c.colSpan());
      }
      if (contained) {
        inside.add(c);
      } else {
        out.add(c);
      }
    }
    if (inside.size() == 1) {
      return t;
    }
    if (top < t.headerRows() && bottom >= t.headerRows()) {
      throw new IllegalArgumentException("cannot merge (" + top + ", " + left + ")-(" + bottom
          + ", " + right + "): it crosses the boundary between the " + t.headerRows()
          + " header rows and the body");
    }
    if (t.repeating() && bottom == t.rows() - 1 && top < bottom) {
      throw new IllegalArgumentException("cannot merge rows into the row template (last row) of "
          + "repeating table " + t.id());
    }
    List<Block> content = new ArrayList<>();
    for (Cell c : inside) {
      content.addAll(c.content());
    }
    out.add(new Cell(top, left, bottom - top + 1, right - left + 1, content));
    return rebuild(t, t.rows(), t.columns(), t.widths(), t.headerRows(), out);
  }

  /** Splits the merged cell covering the slot into 1x1 cells; its content stays top-left. */
  static Table unmerge(Table t, int row, int column) {
    Cell target = t.cellAt(row, column);
    if (!target.isMerged()) {
      throw new IllegalArgumentException("the cell at (" + target.row() + ", " + target.column()
          + ") is not merged");
    }
    List<Cell> out = new ArrayList<>(t.cells());
    out.remove(target);
    for (int r = target.row(); r <= target.lastRow(); r++) {
      for (int c = target.column(); c <= target.lastColumn(); c++) {
        boolean first = r == target.row() && c == target.column();
        out.add(new Cell(r, c, 1, 1, first ? target.content() : List.of()));
      }
    }
    return rebuild(t, t.rows(), t.columns(), t.widths(), t.headerRows(), out);
  }

  /**
   * Splits the cell covering the slot into {@code n} stacked cells. A cell spanning k >= n rows
   * is divided along existing grid lines (spans as even as possible, the larger ones first);
   * for n > k, n - k grid rows are inserted below the cell's last row and every other cell
   * covering that row stretches over them. Content stays in the top piece.
   */
  static Table splitRows(Table t, int row, int column, int n) {
    Cell target = t.cellAt(row, column);
    checkSplitCount(n);
    if (t.repeating() && target.lastRow() == t.rows() - 1) {
      throw new IllegalArgumentException("cannot split the row template (last row) of repeating "
          + "table " + t.id() + " into rows");
    }
    int k = target.rowSpan();
    int grow = Math.max(0, n - k);
    int lastRow = target.lastRow();
    checkSize(t.rows() + grow, t.columns());
    List<Cell> out = new ArrayList<>();
    for (Cell c : t.cells()) {
      if (c == target) {
        continue;
      }
      if (c.row() > lastRow) {
        out.add(c.at(c.row() + grow, c.column(), c.rowSpan(), c.colSpan()));
      } else if (c.lastRow() >= lastRow) {
        out.add(c.at(c.row(), c.column(), c.rowSpan() + grow, c.colSpan()));
      } else {
        out.add(c);
      }
    }
    int[] spans = evenSpans(k + grow, n);
    int r = target.row();
    for (int i = 0; i < n; i++) {
      out.add(new Cell(r, target.column(), spans[i], target.colSpan(),
          i == 0 ? target.content() : List.of()));
      r += spans[i];
    }
    int header = lastRow < t.headerRows() ? t.headerRows() + grow : t.headerRows();
    return rebuild(t, t.rows() + grow, t.columns(), t.widths(), header, out);
  }

  /**
   * Splits the cell covering the slot into {@code n} side-by-side cells; as {@link #splitRows}
   * with columns. Inserted grid columns share the width of the column they split from, so the
   * other columns keep their widths.
   */
  static Table splitColumns(Table t, int row, int column, int n) {
    Cell target = t.cellAt(row, column);
    checkSplitCount(n);
    int k = target.colSpan();
    int grow = Math.max(0, n - k);
    int lastCol = target.lastColumn();
    checkSize(t.rows(), t.columns() + grow);
    List<Cell> out = new ArrayList<>();
    for (Cell c : t.cells()) {
      if (c == target) {
        continue;
      }
      if (c.column() > lastCol) {
        out.add(c.at(c.row(), c.column() + grow, c.rowSpan(), c.colSpan()));
      } else if (c.lastColumn() >= lastCol) {
        out.add(c.at(c.row(), c.column(), c.rowSpan(), c.colSpan() + grow));
      } else {
        out.add(c);
      }
    }
    int[] spans = evenSpans(k + grow, n);
    int col = target.column();
    for (int i = 0; i < n; i++) {
      out.add(new Cell(target.row(), col, target.rowSpan(), spans[i],
          i == 0 ? target.content() : List.of()));
      col += spans[i];
    }
    List<Double> widths = new ArrayList<>(t.widths());
    double shared = widths.get(lastCol) / (grow + 1);
    widths.set(lastCol, shared);
    List<TableStyle.Align> align = t.style().aligns(t.columns());
    for (int i = 0; i < grow; i++) {
      widths.add(lastCol + 1, shared);
      align.add(lastCol + 1, align.get(lastCol));
    }
    return rebuild(t, t.rows(), t.columns() + grow, widths, t.headerRows(), out, align);
  }

  /**
   * Inserts an empty grid row before row {@code at}. Cells crossing the insertion line stretch
   * over the new row; elsewhere the new row takes the column spans of the row it follows (or of
   * the first row when inserted at the top), as word processors do. A row inserted inside the
   * header belongs to the header. Refused after the row template of a repeating table.
   */
  static Table insertRow(Table t, int at) {
    if (at < 0 || at > t.rows()) {
      throw new IllegalArgumentException("row index " + at + " is outside 0.." + t.rows());
    }
    if (t.repeating() && at == t.rows()) {
      throw new IllegalArgumentException("cannot insert after the row template of repeating table "
          + t.id() + "; insert at " + (t.rows() - 1) + " to add a fixed row before it");
    }
    checkSize(t.rows() + 1, t.columns());
    int ref = at == 0 ? 0 : at - 1;
    List<Cell> out = new ArrayList<>();
    for (Cell c : t.cells()) {
      if (c.row() >= at) {
        out.add(c.at(c.row() + 1, c.column(), c.rowSpan(), c.colSpan()));
      } else if (c.lastRow() >= at) {
        out.add(c.at(c.row(), c.column(), c.rowSpan() + 1, c.colSpan()));
      } else {
        out.add(c);
      }
      boolean crosses = c.row() < at && c.lastRow() >= at;
      if (!crosses && c.row() <= ref && c.lastRow() >= ref) {
        out.add(new Cell(at, c.column(), 1, c.colSpan(), List.of()));
      }
    }
    int header = at < t.headerRows() ? t.headerRows() + 1 : t.headerRows();
    return rebuild(t, t.rows() + 1, t.columns(), t.widths(), header, out);
  }

  /** Deletes grid row {@code at}: cells only in that row go, cells spanning it shrink. */
  static Table deleteRow(Table t, int at) {
    if (at < 0 || at >= t.rows()) {
      throw new IllegalArgumentException("row index " + at + " is outside 0.." + (t.rows() - 1));
    }
    if (t.rows() == 1) {
      throw new IllegalArgumentException("cannot delete the only row of a table");
    }
    if (t.repeating() && at == t.rows() - 1) {
      throw new IllegalArgumentException("cannot delete the row template of repeating table "
          + t.id() + "; make the table non-repeating first");
    }
    List<Cell> out = new ArrayList<>();
    for (Cell c : t.cells()) {
      if (c.row() > at) {
        out.add(c.at(c.row() - 1, c.column(), c.rowSpan(), c.colSpan()));
      } else if (c.lastRow() >= at) {
        if (c.rowSpan() > 1) {
          out.add(c.at(c.row(), c.column(), c.rowSpan() - 1, c.colSpan()));
        }
      } else {
        out.add(c);
      }
    }
    int header = at < t.headerRows() ? t.headerRows() - 1 : t.headerRows();
    return rebuild(t, t.rows() - 1, t.columns(), t.widths(), header, out);
  }

  /**
   * Inserts an empty grid column before column {@code at}; as {@link #insertRow} with columns.
   * The new column takes the width of the column it follows (or of the first column).
   */
  static Table insertColumn(Table t, int at) {
    if (at < 0 || at > t.columns()) {
      throw new IllegalArgumentException("column index " + at + " is outside 0.." + t.columns());
    }
    checkSize(t.rows(), t.columns() + 1);
    int ref = at == 0 ? 0 : at - 1;
    List<Cell> out = new ArrayList<>();
    for (Cell c : t.cells()) {
      if (c.column() >= at) {
        out.add(c.at(c.row(), c.column() + 1, c.rowSpan(), c.colSpan()));
      } else if (c.lastColumn() >= at) {
        out.add(c.at(c.row(), c.column(), c.rowSpan(), c.colSpan() + 1));
      } else {
        out.add(c);
      }
      boolean crosses = c.column() < at && c.lastColumn() >= at;
      if (!crosses && c.column() <= ref && c.lastColumn() >= ref) {
        out.add(new Cell(c.row(), at, c.rowSpan(), 1, List.of()));
      }
    }
    List<Double> widths = new ArrayList<>(t.widths());
    widths.add(at, t.widths().get(ref));
    List<TableStyle.Align> align = t.style().aligns(t.columns());
    align.add(at, align.get(ref));
    return rebuild(t, t.rows(), t.columns() + 1, widths, t.headerRows(), out, align);
  }

  /** Deletes grid column {@code at}: cells only in that column go, cells spanning it shrink. */
  static Table deleteColumn(Table t, int at) {
    if (at < 0 || at >= t.columns()) {
      throw new IllegalArgumentException("column index " + at + " is outside 0.."
          + (t.columns() - 1));
    }
    if (t.columns() == 1) {
      throw new IllegalArgumentException("cannot delete the only column of a table");
    }
    List<Cell> out = new ArrayList<>();
    for (Cell c : t.cells()) {
      if (c.column() > at) {
        out.add(c.at(c.row(), c.column() - 1, c.rowSpan(), c.colSpan()));
      } else if (c.lastColumn() >= at) {
        if (c.colSpan() > 1) {
          out.add(c.at(c.row(), c.column(), c.rowSpan(), c.colSpan() - 1));
        }
      } else {
        out.add(c);
      }
    }
    List<Double> widths = new ArrayList<>(t.widths());
    widths.remove(at);
    List<TableStyle.Align> align = t.style().aligns(t.columns());
    align.remove(at);
    return rebuild(t, t.rows(), t.columns() - 1, widths, t.headerRows(), out, align);
  }

  /**
   * The edited table. Every refusal a caller can cause is checked before this point, so a
   * constructor failure here is a bug in this class, reported as such rather than as a refusal.
   */
  private static Table rebuild(Table t, int rows, int columns, List<Double> widths,
      int headerRows, List<Cell> cells) {
    return rebuild(t, rows, columns, widths, headerRows, cells, t.style().align());
  }

  private static Table rebuild(Table t, int rows, int columns, List<Double> widths,
      int headerRows, List<Cell> cells, List<TableStyle.Align> align) {
    try {
      return t.with(rows, columns, widths, headerRows, cells, align);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("table edit broke the grid invariant (a bug in EMRKit): "
          + e.getMessage(), e);
    }
  }

  private static void checkSize(int rows, int columns) {
    if (rows > TemplateLimits.MAX_ROWS || columns > TemplateLimits.MAX_COLUMNS
        || (long) rows * columns > TemplateLimits.MAX_SLOTS) {
      throw new IllegalArgumentException("the table would have " + rows + "x" + columns
          + " slots; the limits are " + TemplateLimits.MAX_ROWS + " rows, "
          + TemplateLimits.MAX_COLUMNS + " columns and " + TemplateLimits.MAX_SLOTS + " slots");
    }
  }

  private static void checkSplitCount(int n) {
    if (n < 2 || n > MAX_SPLIT) {
      throw new IllegalArgumentException("a cell splits into 2 to " + MAX_SPLIT + " parts, not "
          + n);
    }
  }

  /** {@code total} divided into {@code n} positive parts, larger parts first. */
  private static int[] evenSpans(int total, int n) {
    int[] spans = new int[n];
    for (int i = 0; i < n; i++) {
      spans[i] = total / n + (i < total % n ? 1 : 0);
    }
    return spans;
  }
}

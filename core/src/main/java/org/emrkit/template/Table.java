package org.emrkit.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A table: a grid of {@code rows} x {@code columns} slots covered by cells with row and column
 * spans.
 *
 * <p><b>The grid invariant</b>, checked here and nowhere else: every slot is covered by exactly
 * one cell; spans are at least 1; no cell reaches outside the grid; there is one width per grid
 * column; no cell crosses the boundary between the header rows and the body; in a repeating
 * table no cell reaches into the last row (the row template) from above. Every edit method returns
 * a new table that keeps the invariant, or throws {@link IllegalArgumentException} naming what is
 * wrong; the table it was called on never changes.
 *
 * <p>Cells are kept in row-major order of their anchors, so equal tables are {@code equals}.
 *
 * @param id table id ({@code {{> id}}} in the DSL; the values key of a repeating table), or
 *     {@code null}
 * @param rows grid rows, 1 to {@link TemplateLimits#MAX_ROWS}
 * @param columns grid columns, 1 to {@link TemplateLimits#MAX_COLUMNS}
 * @param widths relative column widths, one per grid column, each positive
 * @param headerRows leading rows repeated on every printed page, 0 to {@code rows}
 * @param repeating whether the last row is a row template the record holds as a list
 * @param minRows least number of rows a record holds (repeating tables only, else 0)
 * @param maxRows most rows a record holds, or {@code null} for no bound below the limit
 * @param cells the cells
 * @param style how the table prints (lines, header, font size, column alignment)
 */
public record Table(String id, int rows, int columns, List<Double> widths, int headerRows,
    boolean repeating, int minRows, Integer maxRows, List<Cell> cells, TableStyle style)
    implements Block {

  private static final Comparator<Cell> ANCHOR_ORDER =
      Comparator.comparingInt(Cell::row).thenComparingInt(Cell::column);

  /** Checks the grid invariant, the header and repeat attributes and the nesting depth. */
  public Table {
    if (id != null) {
      if (repeating) {
        Ids.checkName(id, "repeating table id");
      } else {
        Ids.checkId(id, "table id");
      }
    }
    if (rows < 1 || rows > TemplateLimits.MAX_ROWS) {
      throw new IllegalArgumentException("table rows must be 1 to " + TemplateLimits.MAX_ROWS
          + ", was " + rows);
    }
    if (columns < 1 || columns > TemplateLimits.MAX_COLUMNS) {
      throw new IllegalArgumentException("table columns must be 1 to "
          + TemplateLimits.MAX_COLUMNS + ", was " + columns);
    }
    if ((long) rows * columns > TemplateLimits.MAX_SLOTS) {
      throw new IllegalArgumentException("table has " + ((long) rows * columns)
          + " slots; at most " + TemplateLimits.MAX_SLOTS);
    }
    widths = widths == null ? Collections.nCopies(columns, 1.0) : List.copyOf(widths);
    checkWidths(widths, columns);
    List<Cell> sorted = new ArrayList<>(cells);
    sorted.sort(ANCHOR_ORDER);
    cells = List.copyOf(sorted);
    checkCoverage(rows, columns, cells);
    checkHeaderAndRepeat(id, rows, headerRows, repeating, minRows, maxRows, cells);
    style = style == null ? TableStyle.DEFAULT : style;
    if (!style.align().isEmpty() && style.align().size() != columns) {
      throw new IllegalArgumentException("table has " + columns + " columns but "
          + style.align().size() + " column alignments");
    }
    int depth = TableDepth.of(cells);
    if (depth > TemplateLimits.MAX_TABLE_DEPTH) {
      throw new IllegalArgumentException("tables nested " + depth + " deep; at most "
          + TemplateLimits.MAX_TABLE_DEPTH);
    }
  }

  /** A table printed with lines, plain headers, columns left-aligned. */
  public Table(String id, int rows, int columns, List<Double> widths, int headerRows,
      boolean repeating, int minRows, Integer maxRows, List<Cell> cells) {
    this(id, rows, columns, widths, headerRows, repeating, minRows, maxRows, cells,
        TableStyle.DEFAULT);
  }

  /** An empty table of 1x1 cells with equal widths, no header rows, not repeating. */
  public static Table grid(int rows, int columns) {
    if (rows < 1 || columns < 1 || (long) rows * columns > TemplateLimits.MAX_SLOTS) {
      throw new IllegalArgumentException("bad grid size " + rows + "x" + columns);
    }
    List<Cell> cells = new ArrayList<>(rows * columns);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        cells.add(Cell.empty(r, c));
      }
    }
    return new Table(null, rows, columns, null, 0, false, 0, null, cells);
  }

  /** Starts a builder for a table of this grid size. */
  public static TableBuilder builder(int rows, int columns) {
    return new TableBuilder(rows, columns);
  }

  /** The cell covering the slot. */
  public Cell cellAt(int row, int column) {
    checkSlot(row, column);
    for (Cell c : cells) {
      if (c.covers(row, column)) {
        return c;
      }
    }
    throw new IllegalStateException("slot not covered; the invariant is broken");
  }

  /** The cells whose anchor is in the given row. */
  public List<Cell> cellsAnchoredIn(int row) {
    List<Cell> out = new ArrayList<>();
    for (Cell c : cells) {
      if (c.row() == row) {
        out.add(c);
      }
    }
    return out;
  }

  /** This table with the content of the cell covering the slot replaced. */
  public Table withCellContent(int row, int column, List<Block> content) {
    Cell target = cellAt(row, column);
    List<Cell> out = new ArrayList<>(cells);
    out.set(out.indexOf(target), target.withContent(content));
    return with(rows, columns, widths, headerRows, out);
  }

  /** Merges the rectangle of slots (inclusive bounds) into one cell; see {@link TableEdits#merge}. */
  public Table merge(int top, int left, int bottom, int right) {
    return TableEdits.merge(this, top, left, bottom, right);
  }

  /** Splits the merged cell covering the slot back into 1x1 cells; content stays top-left. */
  public Table unmerge(int row, int column) {
    return TableEdits.unmerge(this, row, column);
  }

  /** Splits the cell covering the slot into {@code n} rows; the grid grows where needed. */
  public Table splitRows(int row, int column, int n) {
    return TableEdits.splitRows(this, row, column, n);
  }

  /** Splits the cell covering the slot into {@code n} columns; the grid grows where needed. */
  public Table splitColumns(int row, int column, int n) {
    return TableEdits.splitColumns(this, row, column, n);
  }

  /** Inserts an empty grid row before row {@code at} (0 to {@code rows}). */
  public Table insertRow(int at) {
    return TableEdits.insertRow(this, at);
  }

  /** Deletes grid row {@code at}; spans crossing it shrink. */
  public Table deleteRow(int at) {
    return TableEdits.deleteRow(this, at);
  }

  /** Inserts an empty grid column before column {@code at} (0 to {@code columns}). */
  public Table insertColumn(int at) {
    return TableEdits.insertColumn(this, at);
  }

  /** Deletes grid column {@code at}; spans crossing it shrink. */
  public Table deleteColumn(int at) {
    return TableEdits.deleteColumn(this, at);
  }

  /** This table with other relative column widths (one per grid column, each positive). */
  public Table withWidths(List<Double> newWidths) {
    return with(rows, columns, newWidths, headerRows, cells);
  }

  /** This table with the first {@code n} rows marked as header rows. */
  public Table withHeaderRows(int n) {
    return with(rows, columns, widths, n, cells);
  }

  /** This table with another id ({@code null} for none). */
  public Table withId(String newId) {
    return new Table(newId, rows, columns, widths, headerRows, repeating, minRows, maxRows, cells,
        style);
  }

  /** This table with its last row marked as a repeating row template, bounded as given. */
  public Table withRepeatingRow(int min, Integer max) {
    return new Table(id, rows, columns, widths, headerRows, true, min, max, cells, style);
  }

  /** This table with no repeating row. */
  public Table withoutRepeatingRow() {
    return new Table(id, rows, columns, widths, headerRows, false, 0, null, cells, style);
  }

  @Override
  public <R> R accept(BlockVisitor<R> visitor) {
    return visitor.visitTable(this);
  }

  /** This table printed in another style (its alignments one per column, or none). */
  public Table withStyle(TableStyle newStyle) {
    return new Table(id, rows, columns, widths, headerRows, repeating, minRows, maxRows, cells,
        newStyle);
  }

  /** A table with the same id, repeat attributes and style and the given grid. */
  Table with(int newRows, int newColumns, List<Double> newWidths, int newHeaderRows,
      List<Cell> newCells) {
    return with(newRows, newColumns, newWidths, newHeaderRows, newCells, style.align());
  }

  /** As {@link #with(int, int, List, int, List)}, with the columns' alignments given. */
  Table with(int newRows, int newColumns, List<Double> newWidths, int newHeaderRows,
      List<Cell> newCells, List<TableStyle.Align> newAlign) {
    return new Table(id, newRows, newColumns, newWidths, newHeaderRows, repeating, minRows,
        maxRows, newCells, style.withAlign(newAlign));
  }

  void checkSlot(int row, int column) {
    if (row < 0 || row >= rows || column < 0 || column >= columns) {
      throw new IllegalArgumentException("slot (" + row + ", " + column + ") is outside the "
          + rows + "x" + columns + " grid");
    }
  }

  private static void checkWidths(List<Double> widths, int columns) {
    if (widths.size() != columns) {
      throw new IllegalArgumentException("table has " + columns + " columns but "
          + widths.size() + " widths");
    }
    for (Double w : widths) {
      if (w == null || !(w > 0) || w.isInfinite() || w > 1e6) {
        throw new IllegalArgumentException("column width must be positive and finite, was " + w);
      }
    }
  }

  private static void checkCoverage(int rows, int columns, List<Cell> cells) {
    Cell[] owner = new Cell[rows * columns];
    for (Cell cell : cells) {
      Objects.requireNonNull(cell, "cell");
      if (cell.lastRow() >= rows || cell.lastColumn() >= columns) {
        throw new IllegalArgumentException("cell at (" + cell.row() + ", " + cell.column()
            + ") spanning " + cell.rowSpan() + "x" + cell.colSpan() + " reaches outside the "
            + rows + "x" + columns + " grid");
      }
      for (int r = cell.row(); r <= cell.lastRow(); r++) {
        for (int c = cell.column(); c <= cell.lastColumn(); c++) {
          Cell other = owner[r * columns + c];
          if (other != null) {
            throw new IllegalArgumentException("slot (" + r + ", " + c + ") is covered twice: by "
                + "the cells at (" + other.row() + ", " + other.column() + ") and ("
                + cell.row() + ", " + cell.column() + ")");
          }
          owner[r * columns + c] = cell;
        }
      }
    }
    for (int i = 0; i < owner.length; i++) {
      if (owner[i] == null) {
        throw new IllegalArgumentException("slot (" + (i / columns) + ", " + (i % columns)
            + ") is not covered by any cell");
      }
    }
  }

  private static void checkHeaderAndRepeat(String id, int rows, int headerRows, boolean repeating,
      int minRows, Integer maxRows, List<Cell> cells) {
    if (headerRows < 0 || headerRows > rows) {
      throw new IllegalArgumentException("header rows must be 0 to " + rows + ", was "
          + headerRows);
    }
    for (Cell c : cells) {
      if (c.row() < headerRows && c.lastRow() >= headerRows) {
        throw new IllegalArgumentException("cell at (" + c.row() + ", " + c.column()
            + ") crosses the boundary between the " + headerRows + " header rows and the body");
      }
    }
    if (!repeating) {
      if (minRows != 0 || maxRows != null) {
        throw new IllegalArgumentException("minRows and maxRows apply only to repeating tables");
      }
      return;
    }
    if (id == null) {
      throw new IllegalArgumentException("a repeating table needs an id (its values key)");
    }
    if (headerRows >= rows) {
      throw new IllegalArgumentException("repeating table " + id
          + ": the row template must not be a header row");
    }
    Ids.checkRowBounds(minRows, maxRows, "repeating table " + id);
    int last = rows - 1;
    for (Cell c : cells) {
      if (c.row() < last && c.lastRow() >= last) {
        throw new IllegalArgumentException("repeating table " + id + ": cell at (" + c.row()
            + ", " + c.column() + ") reaches into the row template (last row)");
      }
    }
  }
}

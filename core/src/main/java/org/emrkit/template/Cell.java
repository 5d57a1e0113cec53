package org.emrkit.template;

import java.util.List;

/**
 * A table cell, anchored at its top-left grid slot and spanning {@code rowSpan} rows and
 * {@code colSpan} columns. A cell holds paragraphs and nested tables; a nested table has an id
 * (the template DSL places it with {@code {{> id}}}).
 *
 * @param row 0-based grid row of the top-left slot
 * @param column 0-based grid column of the top-left slot
 * @param rowSpan rows covered, at least 1
 * @param colSpan columns covered, at least 1
 * @param content the blocks; empty for an empty cell
 */
public record Cell(int row, int column, int rowSpan, int colSpan, List<Block> content) {

  /** Checks the position and spans and copies the content. */
  public Cell {
    if (row < 0 || column < 0) {
      throw new IllegalArgumentException("cell position must not be negative: (" + row + ", "
          + column + ")");
    }
    if (rowSpan < 1 || colSpan < 1) {
      throw new IllegalArgumentException("cell (" + row + ", " + column
          + ") spans must be at least 1, were " + rowSpan + "x" + colSpan);
    }
    content = List.copyOf(content);
    for (Block b : content) {
      if (b instanceof Table t) {
        if (t.id() == null) {
          throw new IllegalArgumentException("cell (" + row + ", " + column
              + "): a nested table needs an id");
        }
      } else if (!(b instanceof Paragraph)) {
        throw new IllegalArgumentException("cell (" + row + ", " + column
            + ") holds paragraphs and tables only, not " + b.getClass().getSimpleName());
      }
    }
  }

  /** An empty 1x1 cell. */
  public static Cell empty(int row, int column) {
    return new Cell(row, column, 1, 1, List.of());
  }

  /** Last row covered (inclusive). */
  public int lastRow() {
    return row + rowSpan - 1;
  }

  /** Last column covered (inclusive). */
  public int lastColumn() {
    return column + colSpan - 1;
  }

  /** Whether the cell covers the slot. */
  public boolean covers(int r, int c) {
    return r >= row && r <= lastRow() && c >= column && c <= lastColumn();
  }

  /** Whether the cell spans more than one slot. */
  public boolean isMerged() {
    return rowSpan > 1 || colSpan > 1;
  }

  /** This cell moved and resized. */
  Cell at(int newRow, int newColumn, int newRowSpan, int newColSpan) {
    return new Cell(newRow, newColumn, newRowSpan, newColSpan, content);
  }

  /** This cell with other content. */
  public Cell withContent(List<Block> newContent) {
    return new Cell(row, column, rowSpan, colSpan, newContent);
  }
}

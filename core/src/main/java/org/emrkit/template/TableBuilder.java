package org.emrkit.template;

import java.util.Arrays;
import java.util.List;

/**
 * Builds a {@link Table} on top of the table edit operations: start from a grid of 1x1 cells,
 * fill cells, merge rectangles, set widths and header rows. Not thread-safe.
 *
 * <pre>{@code
 * Table vitals = Table.builder(2, 4).id("vitals").widths(15, 35, 15, 35)
 *     .cell(0, 0, "体温").cell(0, 1, temp)
 *     .cell(1, 0, "血压").cell(1, 1, sbp, " / ", dbp).merge(1, 1, 1, 3)
 *     .build();
 * }</pre>
 */
public final class TableBuilder {
  private Table table;

  TableBuilder(int rows, int columns) {
    this.table = Table.grid(rows, columns);
  }

  /** Sets the table id. */
  public TableBuilder id(String id) {
    table = table.withId(id);
    return this;
  }

  /** Sets relative column widths, one per column. */
  public TableBuilder widths(double... widths) {
    table = table.withWidths(Arrays.stream(widths).boxed().toList());
    return this;
  }

  /** Sets the number of header rows. */
  public TableBuilder headerRows(int n) {
    table = table.withHeaderRows(n);
    return this;
  }

  /** Fills the cell covering the slot with one paragraph made of {@code parts}. */
  public TableBuilder cell(int row, int column, Object... parts) {
    table = table.withCellContent(row, column, List.of(BlocksBuilder.paragraphOf(parts)));
    return this;
  }

  /** Fills the cell covering the slot with blocks (e.g. a nested table). */
  public TableBuilder cellBlocks(int row, int column, Block... content) {
    table = table.withCellContent(row, column, Arrays.asList(content));
    return this;
  }

  /** Merges the rectangle (inclusive bounds). */
  public TableBuilder merge(int top, int left, int bottom, int right) {
    table = table.merge(top, left, bottom, right);
    return this;
  }

  /** Marks the last row as the repeating row template (the table needs an id). */
  public TableBuilder repeating(int minRows, Integer maxRows) {
    table = table.withRepeatingRow(minRows, maxRows);
    return this;
  }

  /** The table built so far. */
  public Table build() {
    return table;
  }
}

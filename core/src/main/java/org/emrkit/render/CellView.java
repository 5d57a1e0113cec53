package org.emrkit.render;

import org.emrkit.template.Cell;
import org.emrkit.template.Table;

/**
 * A table cell as the walk reaches it: the cell (with its spans), whether it is in a header
 * row, and what names its control ({@link Labels#cell}, worked out when first asked).
 */
public final class CellView {

  private final Table table;
  private final Cell cell;
  private final boolean header;
  private final LabelCache labels;
  private String label;
  private boolean labelled;

  CellView(Table table, Cell cell, boolean header, LabelCache labels) {
    this.table = table;
    this.cell = cell;
    this.header = header;
    this.labels = labels;
  }

  /** The table. */
  public Table table() {
    return table;
  }

  /** The cell. */
  public Cell cell() {
    return cell;
  }

  /** Whether the cell lies in a header row. */
  public boolean header() {
    return header;
  }

  /** What names the cell's one control, or {@code null}; see {@link Labels#cell}. */
  public String label() {
    if (!labelled) {
      label = labels.cell(table, cell);
      labelled = true;
    }
    return label;
  }
}

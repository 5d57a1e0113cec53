package org.emrkit.render;

import org.emrkit.template.Table;

/**
 * A table as the walk reaches it. Its rows follow as {@link RowView}s: the header rows, the
 * body rows and, for a repeating table, one {@link EntryView} per record row (inside a
 * {@link GroupView}) holding the row template filled with that row's values.
 *
 * @param table the template's table
 * @param visible whether it shows
 */
public record TableView(Table table, boolean visible) {

  /** The number of template rows before the row template (all of them unless repeating). */
  public int fixedRows() {
    return table.repeating() ? table.rows() - 1 : table.rows();
  }
}

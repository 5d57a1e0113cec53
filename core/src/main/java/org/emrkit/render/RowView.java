package org.emrkit.render;

/**
 * A row of a table as the walk reaches it.
 *
 * @param row the template row it comes from (the row template's index for repeated rows)
 * @param header whether it is a header row (repeated on every printed page)
 * @param entry the record row it shows, for a repeating table's rows; else {@code null}
 */
public record RowView(int row, boolean header, EntryView entry) {}

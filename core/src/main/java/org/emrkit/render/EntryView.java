package org.emrkit.render;

import org.emrkit.record.Values;

/**
 * One entry of a repeat group or row of a repeating table.
 *
 * @param index its index in the list; -1 for the empty template entry of an edit form
 * @param path JSON pointer of the entry ({@code /values/diagnoses/0}; {@code .../{i}} for the
 *     template entry)
 * @param values its values ({@link Values#EMPTY} for the template entry)
 */
public record EntryView(int index, String path, Values values) {

  /** Whether this is the empty template entry an edit form adds entries from. */
  public boolean isTemplate() {
    return index < 0;
  }
}

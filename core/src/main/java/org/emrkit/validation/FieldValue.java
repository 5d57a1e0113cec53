package org.emrkit.validation;

import java.util.List;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Field;
import org.emrkit.template.Section;

/**
 * One occurrence of a field in a record: the field, where its value lives (a JSON pointer into
 * the record, with row indexes inside lists), the value (or {@code null}), whether the field is
 * active (every enclosing {@code when} and {@code if} holds), the values of its scope, and the
 * sections around it (outermost first).
 *
 * @param field the template field
 * @param path JSON pointer of the value, e.g. {@code /values/progressNotes/2/at}
 * @param value the value, or {@code null} when absent
 * @param active whether the field is shown and validated
 * @param scope the values of the field's scope (a row for fields in lists)
 * @param sections the enclosing sections, outermost first
 * @param label the field's name for people, as every output names it (its label, else the text
 *     before it, else its cell's headers, its data element or its section)
 */
public record FieldValue(Field field, String path, Value value, boolean active, Values scope,
    List<Section> sections, String label) {

  /** Whether the field has a value (a non-blank one, for text). */
  public boolean isFilled() {
    if (value == null) {
      return false;
    }
    if (value instanceof Value.Str s) {
      return !s.value().isBlank();
    }
    if (value instanceof Value.Choices c) {
      return !c.values().isEmpty();
    }
    return true;
  }
}

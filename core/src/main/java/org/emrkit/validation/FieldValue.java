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
 * Its label is worked out when first asked for.
 */
public final class FieldValue {
  private final Field field;
  /** Given, or made when first needed (most occurrences are never reported). */
  private String path;
  private final Value value;
  private final boolean active;
  private final Values scope;
  private final List<Section> sections;
  /**
   * What names it when first asked, and the pointer of its scope its own is made from, both
   * from the walk that met it (not the walk's view, which refers to much more; a 40,000-entry
   * record has 160,000 field occurrences, all kept while it is validated); else the label and
   * path are given.
   */
  private final java.util.function.Supplier<String> labeller;
  private final String scopePath;
  private String label;

  /** A field occurrence with its label worked out. */
  public FieldValue(Field field, String path, Value value, boolean active, Values scope,
      List<Section> sections, String label) {
    this(field, path, value, active, scope, sections, null, null);
    this.label = label;
  }

  /**
   * The field occurrence a walk met, named by its view when first asked for: a clean record's
   * findings name no field, and naming every field of it was a fifth of a validation.
   */
  FieldValue(org.emrkit.render.FieldView v) {
    this(v.field(), null, v.value(), v.visible(), v.scope(), v.sections(), v.labeller(),
        v.scopePath());
  }

  private FieldValue(Field field, String path, Value value, boolean active, Values scope,
      List<Section> sections, java.util.function.Supplier<String> labeller, String scopePath) {
    this.field = field;
    this.path = path;
    this.value = value;
    this.active = active;
    this.scope = scope;
    this.sections = sections;
    this.labeller = labeller;
    this.scopePath = scopePath;
  }

  /** The template field. */
  public Field field() {
    return field;
  }

  /** JSON pointer of the value, e.g. {@code /values/progressNotes/2/at}. */
  public String path() {
    String p = path;
    if (p == null && scopePath != null) {
      p = org.emrkit.render.FieldView.pointer(scopePath, field);
      path = p;
    }
    return p;
  }

  /** The value, or {@code null} when absent. */
  public Value value() {
    return value;
  }

  /**
   * The kind of its value ({@code Value.Str.class}, {@code Value.Num.class} ...), or {@code
   * null} when it has none: what {@link FieldRule#appliesTo} is asked with.
   */
  public Class<? extends Value> kind() {
    return value == null ? null : value.getClass();
  }

  /** Whether the field is shown and validated. */
  public boolean active() {
    return active;
  }

  /** The values of the field's scope (a row for fields in lists). */
  public Values scope() {
    return scope;
  }

  /** The enclosing sections, outermost first. */
  public List<Section> sections() {
    return sections;
  }

  /**
   * The field's name for people, as every output names it (its label, else the text before it,
   * else its cell's headers, its data element or its section).
   */
  public String label() {
    String l = label;
    if (l == null && labeller != null) {
      l = labeller.get();
      label = l;
    }
    return l;
  }

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

  /** Equal when all but the label are (the label follows from them). */
  @Override
  public boolean equals(Object o) {
    return o instanceof FieldValue v && active == v.active && field.equals(v.field)
        && path().equals(v.path()) && java.util.Objects.equals(value, v.value)
        && java.util.Objects.equals(scope, v.scope) && sections.equals(v.sections);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(field, path(), value, active);
  }

  @Override
  public String toString() {
    return "FieldValue[" + path() + "=" + value + (active ? "" : ", inactive") + "]";
  }
}

package org.emrkit.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A field a clinician fills in (DSL {@code {{name: type attrs}}}); it stands inline in a
 * paragraph. Attributes that do not apply to the type must be {@code null} (or false / empty);
 * {@link FieldAttribute} says which apply. Build one with {@link #builder}.
 *
 * @param name the values key, {@code [A-Za-z_][A-Za-z0-9_]*}, unique in its scope
 * @param type the type
 * @param label label, or {@code null}
 * @param placeholder placeholder, or {@code null}
 * @param required whether a value is required
 * @param readonly whether clinicians cannot change the value
 * @param defaultValue initial value as written in the DSL, or {@code null}
 * @param dataElement data-element id, or {@code null}
 * @param when condition for showing and validating, or {@code null}
 * @param help help text, or {@code null}
 * @param minLength least length (text, richtext), or {@code null}
 * @param maxLength greatest length (text, richtext), or {@code null}
 * @param pattern regular expression (text), or {@code null}
 * @param min lower bound (numbers, dates, times), or {@code null}
 * @param max upper bound, or {@code null}
 * @param unit unit (integer, decimal, calc), or {@code null}
 * @param precision digits after the point (decimal, calc), or {@code null}
 * @param options options (choice, multichoice); empty when not used
 * @param valueSet value set (choice, multichoice, coded), or {@code null}
 * @param system code system (coded), or {@code null}
 * @param role signer role (signature), or {@code null}
 * @param expr formula (calc, required there), or {@code null}
 * @param source context path (macro, required there), or {@code null}
 */
public record Field(String name, FieldType type, String label, String placeholder,
    boolean required, boolean readonly, String defaultValue, String dataElement, Expression when,
    String help, Integer minLength, Integer maxLength, String pattern, Bound min, Bound max,
    String unit, Integer precision, List<String> options, ValueSetRef valueSet, String system,
    String role, Expression expr, String source) implements Inline {

  /** Checks the name, that every attribute applies to the type, and the attribute values. */
  public Field {
    Ids.checkName(name, "field name");
    Objects.requireNonNull(type, "type");
    options = options == null ? List.of() : List.copyOf(options);
    String where = "field " + name + " (" + type.label() + ")";
    check(type, where, FieldAttribute.LABEL, label);
    check(type, where, FieldAttribute.PLACEHOLDER, placeholder);
    check(type, where, FieldAttribute.DEFAULT, defaultValue);
    check(type, where, FieldAttribute.DE, dataElement);
    check(type, where, FieldAttribute.WHEN, when);
    check(type, where, FieldAttribute.HELP, help);
    check(type, where, FieldAttribute.MIN_LENGTH, minLength);
    check(type, where, FieldAttribute.MAX_LENGTH, maxLength);
    check(type, where, FieldAttribute.PATTERN, pattern);
    check(type, where, FieldAttribute.MIN, min);
    check(type, where, FieldAttribute.MAX, max);
    check(type, where, FieldAttribute.UNIT, unit);
    check(type, where, FieldAttribute.PRECISION, precision);
    check(type, where, FieldAttribute.OPTIONS, options.isEmpty() ? null : options);
    check(type, where, FieldAttribute.VALUESET, valueSet);
    check(type, where, FieldAttribute.SYSTEM, system);
    check(type, where, FieldAttribute.ROLE, role);
    check(type, where, FieldAttribute.EXPR, expr);
    check(type, where, FieldAttribute.SOURCE, source);
    if (maxLength != null && minLength != null && maxLength < minLength) {
      throw new IllegalArgumentException(where + ": maxLength must be at least minLength");
    }
    if ((type == FieldType.CHOICE || type == FieldType.MULTICHOICE)
        && options.isEmpty() == (valueSet == null)) {
      throw new IllegalArgumentException(where + ": give either options or a value set");
    }
    if (type == FieldType.CODED && system == null && valueSet == null) {
      throw new IllegalArgumentException(where + ": give a code system, a value set, or both");
    }
    if (type == FieldType.CALC && expr == null) {
      throw new IllegalArgumentException(where + ": a calc field needs expr");
    }
    if (type == FieldType.MACRO && source == null) {
      throw new IllegalArgumentException(where + ": a macro field needs source");
    }
  }

  /** Starts a builder for a field of this name and type. */
  public static FieldBuilder builder(String name, FieldType type) {
    return new FieldBuilder(name, type);
  }

  /** The attributes this field sets, in {@link FieldAttribute} order. */
  public List<FieldAttribute> attributes() {
    List<FieldAttribute> out = new ArrayList<>();
    for (FieldAttribute a : FieldAttribute.values()) {
      if (a.valueOf(this) != null) {
        out.add(a);
      }
    }
    return out;
  }

  @Override
  public <R> R accept(InlineVisitor<R> visitor) {
    return visitor.visitField(this);
  }

  /** That the attribute applies to the type and its value passes the attribute's own check. */
  private static void check(FieldType type, String where, FieldAttribute a, Object value) {
    if (value == null) {
      return;
    }
    if (!a.appliesTo(type)) {
      throw new IllegalArgumentException(where + ": attribute " + a.dslName()
          + " does not apply to type " + type.label());
    }
    a.check(value).ifPresent(m -> {
      throw new IllegalArgumentException(where + ": " + a.dslName() + ": " + m.en());
    });
  }
}

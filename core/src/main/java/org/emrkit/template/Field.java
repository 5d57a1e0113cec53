package org.emrkit.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

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

  private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  private static final Pattern SOURCE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*){0,7}");

  /** Checks the name, that every attribute applies to the type, and the attribute values. */
  public Field {
    Ids.checkName(name, "field name");
    Objects.requireNonNull(type, "type");
    options = options == null ? List.of() : List.copyOf(options);
    String where = "field " + name + " (" + type.label() + ")";
    oneLine(label, where, "label");
    oneLine(placeholder, where, "placeholder");
    oneLine(help, where, "help");
    oneLine(unit, where, "unit");
    oneLine(defaultValue, where, "default");
    Ids.checkDataElement(dataElement);
    allow(type, where, FieldAttribute.DEFAULT, defaultValue);
    allow(type, where, FieldAttribute.MIN_LENGTH, minLength);
    allow(type, where, FieldAttribute.MAX_LENGTH, maxLength);
    allow(type, where, FieldAttribute.PATTERN, pattern);
    allow(type, where, FieldAttribute.MIN, min);
    allow(type, where, FieldAttribute.MAX, max);
    allow(type, where, FieldAttribute.UNIT, unit);
    allow(type, where, FieldAttribute.PRECISION, precision);
    allow(type, where, FieldAttribute.OPTIONS, options.isEmpty() ? null : options);
    allow(type, where, FieldAttribute.VALUESET, valueSet);
    allow(type, where, FieldAttribute.SYSTEM, system);
    allow(type, where, FieldAttribute.ROLE, role);
    allow(type, where, FieldAttribute.EXPR, expr);
    allow(type, where, FieldAttribute.SOURCE, source);
    checkLengths(where, minLength, maxLength);
    checkPattern(where, pattern);
    if (precision != null && (precision < 0 || precision > 10)) {
      throw new IllegalArgumentException(where + ": precision must be 0 to 10, was " + precision);
    }
    checkOptions(where, options);
    if ((type == FieldType.CHOICE || type == FieldType.MULTICHOICE)
        && options.isEmpty() == (valueSet == null)) {
      throw new IllegalArgumentException(where + ": give either options or a value set");
    }
    if (type == FieldType.CODED && system == null && valueSet == null) {
      throw new IllegalArgumentException(where + ": give a code system, a value set, or both");
    }
    if (system != null && !system.matches("\\S{1,100}")) {
      throw new IllegalArgumentException(where + ": bad code system \"" + system + "\"");
    }
    if (role != null && !ROLE.matcher(role).matches()) {
      throw new IllegalArgumentException(where + ": bad role \"" + role + "\"");
    }
    if (type == FieldType.CALC && expr == null) {
      throw new IllegalArgumentException(where + ": a calc field needs expr");
    }
    if (type == FieldType.MACRO && source == null) {
      throw new IllegalArgumentException(where + ": a macro field needs source");
    }
    if (source != null && !SOURCE.matcher(source).matches()) {
      throw new IllegalArgumentException(where + ": bad source \"" + source
          + "\"; expected a dotted path like patient.name");
    }
  }

  /** Starts a builder for a field of this name and type. */
  public static FieldBuilder builder(String name, FieldType type) {
    return new FieldBuilder(name, type);
  }

  /** The attributes this field sets, in {@link FieldAttribute} order. */
  public List<FieldAttribute> attributes() {
    List<FieldAttribute> out = new ArrayList<>();
    Object[] values = {label, placeholder, required ? Boolean.TRUE : null,
        readonly ? Boolean.TRUE : null, defaultValue, dataElement, when, help, minLength,
        maxLength, pattern, min, max, unit, precision, options.isEmpty() ? null : options,
        valueSet, system, role, expr, source};
    FieldAttribute[] all = FieldAttribute.values();
    for (int i = 0; i < all.length; i++) {
      if (values[i] != null) {
        out.add(all[i]);
      }
    }
    return out;
  }

  @Override
  public <R> R accept(InlineVisitor<R> visitor) {
    return visitor.visitField(this);
  }

  private static void allow(FieldType type, String where, FieldAttribute attribute,
      Object value) {
    if (value != null && !attribute.appliesTo(type)) {
      throw new IllegalArgumentException(where + ": attribute " + attribute.dslName()
          + " does not apply to type " + type.label());
    }
  }

  private static void oneLine(String value, String where, String what) {
    if (value != null && (value.isEmpty() || value.length() > 500 || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0)) {
      throw new IllegalArgumentException(where + ": " + what + " must be one line of 1 to 500 characters");
    }
  }

  private static void checkLengths(String where, Integer minLength, Integer maxLength) {
    if (minLength != null && minLength < 0) {
      throw new IllegalArgumentException(where + ": minLength must not be negative");
    }
    if (maxLength != null && (maxLength < 1 || (minLength != null && maxLength < minLength))) {
      throw new IllegalArgumentException(where + ": maxLength must be at least 1 and minLength");
    }
  }

  private static void checkPattern(String where, String pattern) {
    if (pattern == null) {
      return;
    }
    if (pattern.isEmpty() || pattern.length() > 500) {
      throw new IllegalArgumentException(where + ": pattern must be 1 to 500 characters");
    }
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(where + ": bad pattern: " + e.getDescription(), e);
    }
  }

  private static void checkOptions(String where, List<String> options) {
    Set<String> seen = new HashSet<>();
    for (String o : options) {
      Objects.requireNonNull(o, "option");
      if (o.isBlank() || o.indexOf('|') >= 0 || o.indexOf('\n') >= 0
          || !o.equals(o.strip())) {
        throw new IllegalArgumentException(where + ": bad option \"" + o
            + "\": one trimmed line without |");
      }
      if (!seen.add(o)) {
        throw new IllegalArgumentException(where + ": option \"" + o + "\" given twice");
      }
    }
  }
}

package org.emrkit.template;

import java.util.EnumSet;
import java.util.Set;

/**
 * The attributes a field may carry (template DSL §3), with the DSL name of each and the field types
 * it applies to. The DSL compiler and the {@link Field} constructor both use this table, so "which
 * attribute is allowed where" is decided in one place.
 */
public enum FieldAttribute {
  /** Label shown before the control (a checkbox's text for {@code boolean}). */
  LABEL("label", EnumSet.allOf(FieldType.class)),
  /** Hint shown in an empty control. */
  PLACEHOLDER("placeholder", EnumSet.allOf(FieldType.class)),
  /** Flag: a value is required. */
  REQUIRED("required", EnumSet.allOf(FieldType.class)),
  /** Flag: clinicians cannot change the value. */
  READONLY("readonly", EnumSet.allOf(FieldType.class)),
  /** Initial value of a new record. */
  DEFAULT("default", EnumSet.complementOf(
      EnumSet.of(FieldType.SIGNATURE, FieldType.CALC, FieldType.MACRO))),
  /** Data-element id. */
  DE("de", EnumSet.allOf(FieldType.class)),
  /** Condition under which the field is shown and validated. */
  WHEN("when", EnumSet.allOf(FieldType.class)),
  /** Help text. */
  HELP("help", EnumSet.allOf(FieldType.class)),
  /** Least length in characters. */
  MIN_LENGTH("minLength", EnumSet.of(FieldType.TEXT, FieldType.RICHTEXT)),
  /** Greatest length in characters. */
  MAX_LENGTH("maxLength", EnumSet.of(FieldType.TEXT, FieldType.RICHTEXT)),
  /** Regular expression the whole value must match. */
  PATTERN("pattern", EnumSet.of(FieldType.TEXT)),
  /** Lower bound: a number, a date/time literal or an expression. */
  MIN("min", EnumSet.of(FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE,
      FieldType.DATETIME, FieldType.TIME)),
  /** Upper bound. */
  MAX("max", EnumSet.of(FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE,
      FieldType.DATETIME, FieldType.TIME)),
  /** Unit printed after the value, e.g. mmHg. */
  UNIT("unit", EnumSet.of(FieldType.INTEGER, FieldType.DECIMAL, FieldType.CALC)),
  /** Digits after the decimal point. */
  PRECISION("precision", EnumSet.of(FieldType.DECIMAL, FieldType.CALC)),
  /** Options, written {@code options="是|否|不详"}. */
  OPTIONS("options", EnumSet.of(FieldType.CHOICE, FieldType.MULTICHOICE)),
  /** Value set, written {@code valueset=@id}. */
  VALUESET("valueset", EnumSet.of(FieldType.CHOICE, FieldType.MULTICHOICE, FieldType.CODED)),
  /** Code system of a coded field, e.g. ICD-10. */
  SYSTEM("system", EnumSet.of(FieldType.CODED)),
  /** Role of the signer. */
  ROLE("role", EnumSet.of(FieldType.SIGNATURE)),
  /** Formula of a calc field. */
  EXPR("expr", EnumSet.of(FieldType.CALC)),
  /** Dotted path into the host context of a macro field. */
  SOURCE("source", EnumSet.of(FieldType.MACRO));

  private final String dslName;
  private final Set<FieldType> types;

  FieldAttribute(String dslName, Set<FieldType> types) {
    this.dslName = dslName;
    this.types = Set.copyOf(types);
  }

  /** The attribute's name in the DSL and in template JSON. */
  public String dslName() {
    return dslName;
  }

  /** Whether fields of this type may carry the attribute. */
  public boolean appliesTo(FieldType type) {
    return types.contains(type);
  }

  /** Whether the attribute is a flag written alone ({@code required}). */
  public boolean isFlag() {
    return this == REQUIRED || this == READONLY;
  }

  /** The attribute with this DSL name, or {@code null}. */
  public static FieldAttribute fromDslName(String name) {
    for (FieldAttribute a : values()) {
      if (a.dslName.equals(name)) {
        return a;
      }
    }
    return null;
  }
}

package org.emrkit.template;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a {@link Field}: {@code Field.builder("temp", FieldType.DECIMAL).unit("℃").min(34)
 * .max(43).precision(1).build()}. Not thread-safe; {@link #build} checks everything.
 */
public final class FieldBuilder {
  private final String name;
  private final FieldType type;
  private String label;
  private String placeholder;
  private boolean required;
  private boolean readonly;
  private String defaultValue;
  private String dataElement;
  private Expression when;
  private String help;
  private Integer minLength;
  private Integer maxLength;
  private String pattern;
  private Bound min;
  private Bound max;
  private String unit;
  private Integer precision;
  private List<String> options = List.of();
  private ValueSetRef valueSet;
  private String system;
  private String role;
  private Expression expr;
  private String source;

  FieldBuilder(String name, FieldType type) {
    this.name = name;
    this.type = type;
  }

  /** Sets the label. */
  public FieldBuilder label(String label) {
    this.label = label;
    return this;
  }

  /** Sets the placeholder. */
  public FieldBuilder placeholder(String placeholder) {
    this.placeholder = placeholder;
    return this;
  }

  /** Marks the field required. */
  public FieldBuilder required() {
    this.required = true;
    return this;
  }

  /** Sets whether the field is required. */
  public FieldBuilder required(boolean required) {
    this.required = required;
    return this;
  }

  /** Marks the field read-only. */
  public FieldBuilder readonly() {
    this.readonly = true;
    return this;
  }

  /** Sets whether the field is read-only. */
  public FieldBuilder readonly(boolean readonly) {
    this.readonly = readonly;
    return this;
  }

  /** Sets the default value, as it would be written in the DSL. */
  public FieldBuilder defaultValue(String defaultValue) {
    this.defaultValue = defaultValue;
    return this;
  }

  /** Sets the data-element id. */
  public FieldBuilder dataElement(String dataElement) {
    this.dataElement = dataElement;
    return this;
  }

  /** Sets the condition for showing and validating the field. */
  public FieldBuilder when(String expression) {
    this.when = expression == null ? null : new Expression(expression);
    return this;
  }

  /** Sets the help text. */
  public FieldBuilder help(String help) {
    this.help = help;
    return this;
  }

  /** Sets the least length. */
  public FieldBuilder minLength(Integer minLength) {
    this.minLength = minLength;
    return this;
  }

  /** Sets the greatest length. */
  public FieldBuilder maxLength(Integer maxLength) {
    this.maxLength = maxLength;
    return this;
  }

  /** Sets the pattern. */
  public FieldBuilder pattern(String pattern) {
    this.pattern = pattern;
    return this;
  }

  /** Sets the lower bound: a number, date literal or expression. */
  public FieldBuilder min(String bound) {
    this.min = bound == null ? null : new Bound(bound);
    return this;
  }

  /** Sets a numeric lower bound. */
  public FieldBuilder min(double bound) {
    this.min = Bound.of(BigDecimal.valueOf(bound).stripTrailingZeros());
    return this;
  }

  /** Sets the upper bound: a number, date literal or expression. */
  public FieldBuilder max(String bound) {
    this.max = bound == null ? null : new Bound(bound);
    return this;
  }

  /** Sets a numeric upper bound. */
  public FieldBuilder max(double bound) {
    this.max = Bound.of(BigDecimal.valueOf(bound).stripTrailingZeros());
    return this;
  }

  /** Sets the unit. */
  public FieldBuilder unit(String unit) {
    this.unit = unit;
    return this;
  }

  /** Sets the precision. */
  public FieldBuilder precision(Integer precision) {
    this.precision = precision;
    return this;
  }

  /** Sets the options. */
  public FieldBuilder options(String... options) {
    this.options = Arrays.asList(options);
    return this;
  }

  /** Sets the options. */
  public FieldBuilder options(List<String> options) {
    this.options = options;
    return this;
  }

  /** Sets the value set by id ({@code sex} or {@code host:...}). */
  public FieldBuilder valueSet(String id) {
    this.valueSet = id == null ? null : new ValueSetRef(id);
    return this;
  }

  /** Sets the code system. */
  public FieldBuilder system(String system) {
    this.system = system;
    return this;
  }

  /** Sets the signer role. */
  public FieldBuilder role(String role) {
    this.role = role;
    return this;
  }

  /** Sets the calc formula. */
  public FieldBuilder expr(String expression) {
    this.expr = expression == null ? null : new Expression(expression);
    return this;
  }

  /** Sets the macro source path. */
  public FieldBuilder source(String source) {
    this.source = source;
    return this;
  }

  /** Builds the field; throws {@link IllegalArgumentException} naming what is wrong. */
  public Field build() {
    return new Field(name, type, label, placeholder, required, readonly, defaultValue,
        dataElement, when, help, minLength, maxLength, pattern, min, max, unit, precision,
        options, valueSet, system, role, expr, source);
  }
}

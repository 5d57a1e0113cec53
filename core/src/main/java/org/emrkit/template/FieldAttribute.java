package org.emrkit.template;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.emrkit.problem.Message;

/**
 * The attributes a field may carry (template DSL §3), with the DSL name of each and the field types
 * it applies to. The DSL compiler and the {@link Field} constructor both use this table, so "which
 * attribute is allowed where" is decided in one place.
 */
public enum FieldAttribute {
  /** Label shown before the control (a checkbox's text for {@code boolean}). */
  LABEL("label", EnumSet.allOf(FieldType.class), Field::label),
  /** Hint shown in an empty control. */
  PLACEHOLDER("placeholder", EnumSet.allOf(FieldType.class), Field::placeholder),
  /** Flag: a value is required. */
  REQUIRED("required", EnumSet.allOf(FieldType.class),
      f -> f.required() ? Boolean.TRUE : null),
  /** Flag: clinicians cannot change the value. */
  READONLY("readonly", EnumSet.allOf(FieldType.class),
      f -> f.readonly() ? Boolean.TRUE : null),
  /** Initial value of a new record. */
  DEFAULT("default", EnumSet.complementOf(
      EnumSet.of(FieldType.SIGNATURE, FieldType.CALC, FieldType.MACRO)), Field::defaultValue),
  /** Data-element id. */
  DE("de", EnumSet.allOf(FieldType.class), Field::dataElement),
  /** Condition under which the field is shown and validated. */
  WHEN("when", EnumSet.allOf(FieldType.class), Field::when),
  /** Help text. */
  HELP("help", EnumSet.allOf(FieldType.class), Field::help),
  /** Least length in characters. */
  MIN_LENGTH("minLength", EnumSet.of(FieldType.TEXT, FieldType.RICHTEXT), Field::minLength),
  /** Greatest length in characters. */
  MAX_LENGTH("maxLength", EnumSet.of(FieldType.TEXT, FieldType.RICHTEXT), Field::maxLength),
  /** Regular expression the whole value must match. */
  PATTERN("pattern", EnumSet.of(FieldType.TEXT), Field::pattern),
  /** Lower bound: a number, a date/time literal or an expression. */
  MIN("min", EnumSet.of(FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE,
      FieldType.DATETIME, FieldType.TIME), Field::min),
  /** Upper bound. */
  MAX("max", EnumSet.of(FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE,
      FieldType.DATETIME, FieldType.TIME), Field::max),
  /** Unit printed after the value, e.g. mmHg. */
  UNIT("unit", EnumSet.of(FieldType.INTEGER, FieldType.DECIMAL, FieldType.CALC), Field::unit),
  /** Digits after the decimal point. */
  PRECISION("precision", EnumSet.of(FieldType.DECIMAL, FieldType.CALC), Field::precision),
  /** Options, written {@code options="是|否|不详"}. */
  OPTIONS("options", EnumSet.of(FieldType.CHOICE, FieldType.MULTICHOICE),
      f -> f.options().isEmpty() ? null : f.options()),
  /** Value set, written {@code valueset=@id}. */
  VALUESET("valueset", EnumSet.of(FieldType.CHOICE, FieldType.MULTICHOICE, FieldType.CODED),
      Field::valueSet),
  /** Code system of a coded field, e.g. ICD-10. */
  SYSTEM("system", EnumSet.of(FieldType.CODED), Field::system),
  /** Role of the signer. */
  ROLE("role", EnumSet.of(FieldType.SIGNATURE), Field::role),
  /** Formula of a calc field. */
  EXPR("expr", EnumSet.of(FieldType.CALC), Field::expr),
  /** Dotted path into the host context of a macro field. */
  SOURCE("source", EnumSet.of(FieldType.MACRO), Field::source);

  /** WS 363 ids (DE04.01.119.00) and the finer ids real templates use (DE02.01.039.00.178). */
  private static final Pattern DATA_ELEMENT =
      Pattern.compile("DE\\d{2}\\.\\d{2}\\.\\d{3}\\.\\d{2}(\\.\\d{1,4})?");
  private static final Pattern ROLE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  private static final Pattern DOTTED_PATH =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*){0,7}");
  private static final Pattern NO_SPACES = Pattern.compile("\\S{1,100}");

  private final String dslName;
  private final Set<FieldType> types;
  private final Function<Field, Object> value;

  FieldAttribute(String dslName, Set<FieldType> types, Function<Field, Object> value) {
    this.dslName = dslName;
    this.types = Set.copyOf(types);
    this.value = value;
  }

  /** The field's value of this attribute, or {@code null} when it does not set it. */
  public Object valueOf(Field f) {
    return value.apply(f);
  }

  /**
   * What is wrong with a value of this attribute on its own, or empty: the one check of it, used
   * by the {@link Field} constructor and by the DSL (which reports it at the value). Checks that
   * need two attributes (minLength ≤ maxLength) and expression grammar stay with their owners.
   * Values are those {@link Field} holds: strings, integers, the options list.
   */
  public Optional<Message> check(Object v) {
    if (v == null) {
      return Optional.empty();
    }
    return switch (this) {
      case LABEL, PLACEHOLDER, HELP, UNIT, DEFAULT -> oneLine((String) v);
      case DE -> DATA_ELEMENT.matcher((String) v).matches() ? Optional.empty()
          : problem("数据元标识符应形如 DE04.01.119.00(或细分的 DE02.01.039.00.178)",
              "a data-element id looks like DE04.01.119.00 (WS 363), or DE02.01.039.00.178 for a "
              + "finer one");
      case MIN_LENGTH -> (Integer) v >= 0 ? Optional.empty()
          : problem("minLength 不能为负", "minLength must not be negative");
      case MAX_LENGTH -> (Integer) v >= 1 ? Optional.empty()
          : problem("maxLength 至少为 1", "maxLength must be at least 1");
      case PRECISION -> (Integer) v >= 0 && (Integer) v <= 10 ? Optional.empty()
          : problem("precision 应为 0 到 10", "precision must be 0 to 10");
      case PATTERN -> pattern((String) v);
      case OPTIONS -> options(v);
      case SYSTEM -> NO_SPACES.matcher((String) v).matches() ? Optional.empty()
          : problem("编码系统名不能含空格", "a code system name has no spaces");
      case ROLE -> ROLE_NAME.matcher((String) v).matches() ? Optional.empty()
          : problem("角色应为小写字母，如 resident", "a role is lower-case, like resident");
      case SOURCE -> DOTTED_PATH.matcher((String) v).matches() ? Optional.empty()
          : problem("来源应为点分路径，如 patient.name",
              "a source is a dotted path like patient.name");
      default -> Optional.empty();
    };
  }

  private static Optional<Message> oneLine(String v) {
    return !v.isEmpty() && v.length() <= 500 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0
        ? Optional.empty() : problem("应为一行，1 到 500 个字符",
            "must be one line of 1 to 500 characters");
  }

  private static Optional<Message> pattern(String v) {
    if (v.isEmpty() || v.length() > 500) {
      return problem("正则表达式应为 1 到 500 个字符", "a pattern is 1 to 500 characters");
    }
    try {
      Pattern.compile(v);
      return Optional.empty();
    } catch (PatternSyntaxException e) {
      return problem("正则表达式不正确：" + e.getDescription(),
          "bad regular expression: " + e.getDescription());
    }
  }

  private static Optional<Message> options(Object v) {
    Set<String> seen = new HashSet<>();
    for (Object x : (List<?>) v) {
      String o = (String) x;
      if (o == null || o.isBlank() || o.indexOf('|') >= 0 || o.indexOf('\n') >= 0
          || !o.equals(o.strip())) {
        return problem("选项“" + o + "”应为一行、不含 | 且首尾无空格",
            "bad option \"" + o + "\": one trimmed line without |");
      }
      if (!seen.add(o)) {
        return problem("选项“" + o + "”重复", "option \"" + o + "\" given twice");
      }
    }
    return Optional.empty();
  }

  private static Optional<Message> problem(String zh, String en) {
    return Optional.of(new Message(zh, en));
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

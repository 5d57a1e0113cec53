package org.emrkit.dsl.internal;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emrkit.expr.ExpressionEngine;
import org.emrkit.expr.ExpressionError;
import org.emrkit.record.Role;
import org.emrkit.template.Field;
import org.emrkit.template.FieldAttribute;
import org.emrkit.template.FieldBuilder;
import org.emrkit.template.FieldType;
import org.emrkit.template.PageNumber;

/**
 * Reads the inside of {@code {{...}}}: a field {@code NAME: TYPE ATTRS}, a nested-table
 * reference {@code > id}, or a page number {@code = page} / {@code = pages}. Every problem is
 * reported at the character it concerns.
 */
final class FieldParser {

  /** What a {@code {{...}}} stands for. */
  sealed interface Parsed permits FieldRef, TableRef, PageRef {}

  /** A field. */
  record FieldRef(Field field, int offset) implements Parsed {}

  /** A nested-table reference. */
  record TableRef(String id, int offset) implements Parsed {}

  /** A page number. */
  record PageRef(PageNumber number) implements Parsed {}

  private static final Pattern HEAD = Pattern.compile(
      "\\s*([^:\\s]*)\\s*:\\s*([A-Za-z]*)(.*)", Pattern.DOTALL);
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
  private static final Pattern NUMBER = Pattern.compile("-?\\d{1,30}(\\.\\d{1,30})?");
  private static final String TYPES = "text, richtext, integer, decimal, date, datetime, time, "
      + "boolean, choice, multichoice, coded, signature, calc, macro";

  private final Problems problems;
  private final ExpressionEngine expressions;
  private final Set<String> valueSets;
  private final Set<String> usedValueSets;

  FieldParser(Problems problems, ExpressionEngine expressions, Set<String> valueSets,
      Set<String> usedValueSets) {
    this.problems = problems;
    this.expressions = expressions;
    this.valueSets = valueSets;
    this.usedValueSets = usedValueSets;
  }

  /** Reads one {@code {{...}}}; null after reporting a problem. */
  Parsed parse(FieldNode node) {
    int at = node.getStartOffset();
    if (!node.closed) {
      int quote = node.openQuote;
      if (quote >= 0) {
        problems.error(quote, "dsl/unterminated-field", "属性值的引号没有闭合，字段因此没有结束",
            "a quoted value is not closed, so the field never ends");
      } else {
        problems.error(at, "dsl/unterminated-field", "\"{{\" 没有对应的 \"}}\"",
            "\"{{\" without a closing \"}}\"");
      }
      return null;
    }
    BasedSequence inner = node.inner();
    String text = inner.toString();
    String trimmed = text.strip();
    if (trimmed.startsWith(">") || trimmed.startsWith("=")) {
      return reference(trimmed, at);
    }
    return field(inner, at);
  }

  /** A nested-table reference {@code > id} or a page number {@code = page}. */
  private Parsed reference(String trimmed, int at) {
    if (trimmed.startsWith(">")) {
      String id = trimmed.substring(1).strip();
      if (!ID.matcher(id).matches()) {
        problems.error(at, "dsl/bad-table-reference", "表格引用应为 {{> 表格id}}",
            "a table reference is written {{> table-id}}");
        return null;
      }
      return new TableRef(id, at);
    }
    String what = trimmed.substring(1).strip();
    if (what.equals("page") || what.equals("pages")) {
      return new PageRef(what.equals("page") ? PageNumber.page() : PageNumber.pages());
    }
    problems.error(at, "dsl/bad-page-number", "页码应为 {{= page}} 或 {{= pages}}",
        "a page number is written {{= page}} or {{= pages}}");
    return null;
  }

  /** A field {@code NAME: TYPE ATTRS}. */
  private Parsed field(BasedSequence inner, int at) {
    String text = inner.toString();
    Matcher m = HEAD.matcher(text);
    int fullWidth = text.indexOf('：');
    if (fullWidth >= 0 && (!m.matches() || m.start(1) + m.group(1).length() > fullWidth)) {
      problems.error(inner.getStartOffset() + fullWidth, "dsl/full-width-colon",
          "字段名与类型之间应为半角冒号“:”，不是全角“：”，如 {{cc: text}}",
          "use a half-width colon between the field's name and type, as in {{cc: text}}, "
          + "not the full-width ：");
      return null;
    }
    if (!m.matches() || m.group(1).isEmpty()) {
      problems.error(at, "dsl/bad-field", "字段应写作 {{名称: 类型 属性...}}",
          "a field is written {{name: type attributes...}}");
      return null;
    }
    int base = inner.getStartOffset();
    String name = m.group(1);
    if (!NAME.matcher(name).matches()) {
      problems.error(base + m.start(1), "dsl/bad-field-name", "字段名 \"" + name
          + "\" 不合规则(应为字母或下划线开头，只含字母、数字、下划线)", "bad field name \"" + name
          + "\" (letters, digits and _, not starting with a digit)");
      return null;
    }
    String typeName = m.group(2);
    FieldType type = FieldType.fromLabel(typeName);
    if (type == null) {
      String shown = typeName.isEmpty() ? text.substring(m.start(2)).strip().split("\\s")[0]
          : typeName;
      problems.error(base + m.start(2), "dsl/unknown-field-type", "未知的字段类型 \"" + shown
          + "\"", "unknown field type \"" + shown + "\"; expected one of " + TYPES);
      return null;
    }
    List<Attributes.Attr> attrs = Attributes.lex(inner.subSequence(m.start(3), m.end(3)),
        problems, "dsl/bad-attribute-value");
    if (attrs == null) {
      return null;
    }
    FieldBuilder b = Field.builder(name, type);
    if (!apply(b, type, attrs)) {
      return null;
    }
    if (!checkRequired(type, attrs, at)) {
      return null;
    }
    try {
      return new FieldRef(b.build(), at);
    } catch (IllegalArgumentException e) {
      problems.error(at, "dsl/invalid-field", "字段定义不成立：" + e.getMessage(),
          "invalid field: " + e.getMessage());
      return null;
    }
  }

  private boolean apply(FieldBuilder b, FieldType type, List<Attributes.Attr> attrs) {
    boolean ok = true;
    Set<FieldAttribute> seen = EnumSet.noneOf(FieldAttribute.class);
    for (Attributes.Attr a : attrs) {
      FieldAttribute fa = "#".equals(a.name()) ? null : FieldAttribute.fromDslName(a.name());
      if (fa == null) {
        String near = Suggest.closest(a.name(), java.util.Arrays.stream(FieldAttribute.values())
            .map(FieldAttribute::dslName).toList());
        problems.error(a.nameOffset(), "dsl/unknown-attribute", "未知的字段属性 \"" + a.name()
            + "\"" + (near == null ? "" : "，是否应为 " + near + "？"),
            "unknown field attribute \"" + a.name() + "\""
            + (near == null ? "" : "; did you mean " + near + "?"));
        ok = false;
        continue;
      }
      if (!fa.appliesTo(type)) {
        problems.error(a.nameOffset(), "dsl/attribute-not-for-type", "属性 " + a.name()
            + " 不适用于 " + type.label() + " 类型的字段", "attribute " + a.name()
            + " does not apply to a field of type " + type.label());
        ok = false;
        continue;
      }
      if (!seen.add(fa)) {
        problems.error(a.nameOffset(), "dsl/duplicate-attribute", "属性 " + a.name() + " 重复",
            "attribute " + a.name() + " is given twice");
        ok = false;
        continue;
      }
      if (fa.isFlag() != a.isFlag()) {
        problems.error(a.nameOffset(), "dsl/bad-attribute-value", fa.isFlag()
            ? "属性 " + a.name() + " 是标志，不带值" : "属性 " + a.name() + " 需要一个值",
            fa.isFlag() ? "attribute " + a.name() + " is a flag and takes no value"
                : "attribute " + a.name() + " needs a value");
        ok = false;
        continue;
      }
      ok &= value(b, type, fa, a);
    }
    return ok;
  }

  private boolean value(FieldBuilder b, FieldType type, FieldAttribute fa, Attributes.Attr a) {
    String v = a.value();
    switch (fa) {
      case WHEN, EXPR -> {
        if (!expression(a)) {
          return false;
        }
      }
      case MIN, MAX -> {
        if (!bound(type, a)) {
          return false;
        }
      }
      case VALUESET -> {
        return valueSet(b, a);
      }
      default -> {
        // every other attribute: the model's own check of its value (one owner)
        Object value = switch (fa) {
          case MIN_LENGTH, MAX_LENGTH, PRECISION -> integer(a, 1_000_000);
          case OPTIONS -> options(a);
          default -> v;
        };
        if (value == null && !fa.isFlag()) {
          return false;
        }
        var wrong = fa.check(value);
        if (wrong.isPresent()) {
          return bad(a, wrong.get().zh(), wrong.get().en());
        }
        if (fa == FieldAttribute.ROLE && Role.fromLabel(v) == null) {
          return Suggest.unknownRole(a, problems);
        }
        set(b, fa, value);
        return true;
      }
    }
    set(b, fa, v);
    return true;
  }

  /** Sets an attribute's checked value on the builder. */
  private static void set(FieldBuilder b, FieldAttribute fa, Object value) {
    switch (fa) {
      case LABEL -> b.label((String) value);
      case PLACEHOLDER -> b.placeholder((String) value);
      case HELP -> b.help((String) value);
      case UNIT -> b.unit((String) value);
      case DEFAULT -> b.defaultValue((String) value);
      case REQUIRED -> b.required();
      case READONLY -> b.readonly();
      case DE -> b.dataElement((String) value);
      case WHEN -> b.when((String) value);
      case EXPR -> b.expr((String) value);
      case MIN_LENGTH -> b.minLength((Integer) value);
      case MAX_LENGTH -> b.maxLength((Integer) value);
      case PRECISION -> b.precision((Integer) value);
      case PATTERN -> b.pattern((String) value);
      case MIN -> b.min((String) value);
      case MAX -> b.max((String) value);
      case OPTIONS -> b.options(toStrings(value));
      case SYSTEM -> b.system((String) value);
      case ROLE -> b.role((String) value);
      case SOURCE -> b.source((String) value);
      default -> throw new IllegalStateException("unhandled attribute " + fa);
    }
  }

  private static List<String> toStrings(Object value) {
    List<String> out = new ArrayList<>();
    for (Object o : (List<?>) value) {
      out.add((String) o);
    }
    return out;
  }

  private boolean valueSet(FieldBuilder b, Attributes.Attr a) {
    String v = a.value();
    if (!v.startsWith("@") || v.length() < 2) {
      return bad(a, "值集写作 valueset=@id", "a value set is written valueset=@id");
    }
    String id = v.substring(1);
    if (!id.matches("(host:)?[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
      return bad(a, "值集 id 不合规则", "bad value-set id");
    }
    if (!id.startsWith("host:") && !valueSets.contains(id)) {
      problems.error(a.valueOffset(), "dsl/unknown-value-set", "未定义的值集 @" + id,
          "value set @" + id + " is not defined in this template");
      return false;
    }
    usedValueSets.add(id);
    b.valueSet(id);
    return true;
  }

  private boolean checkRequired(FieldType type, List<Attributes.Attr> attrs, int at) {
    Set<String> names = new LinkedHashSet<>();
    attrs.forEach(a -> names.add(a.name()));
    String missing = switch (type) {
      case CALC -> names.contains("expr") ? null : "expr";
      case MACRO -> names.contains("source") ? null : "source";
      case CHOICE, MULTICHOICE -> names.contains("options") || names.contains("valueset") ? null
          : "options 或 valueset|options or valueset";
      case CODED -> names.contains("system") || names.contains("valueset") ? null
          : "system 或 valueset|system or valueset";
      default -> null;
    };
    if (missing == null) {
      if ((type == FieldType.CHOICE || type == FieldType.MULTICHOICE)
          && names.contains("options") && names.contains("valueset")) {
        problems.error(at, "dsl/conflicting-attributes", "options 与 valueset 只能给一个",
            "give options or valueset, not both");
        return false;
      }
      return true;
    }
    String zh = missing.contains("|") ? missing.split("\\|")[0] : missing;
    String en = missing.contains("|") ? missing.split("\\|")[1] : missing;
    problems.error(at, "dsl/missing-attribute", type.label() + " 类型的字段需要 " + zh,
        "a " + type.label() + " field needs " + en);
    return false;
  }

  private boolean expression(Attributes.Attr a) {
    Optional<ExpressionError> e = expressions.check(a.value());
    if (e.isEmpty()) {
      Heads.names(a.value(), a.valueOffset(), expressions, problems);
      return true;
    }
    reportExpression(a.valueOffset(), a.value(), e.get(), problems);
    return false;
  }

  static void reportExpression(int valueOffset, String source, ExpressionError e,
      Problems problems) {
    // the value may have been unescaped; offsets hold while it had no backslash escapes
    problems.error(valueOffset + Math.min(e.offset(), source.length()), "dsl/expression-syntax",
        e.message().zh(), e.message().en());
  }

  private boolean bound(FieldType type, Attributes.Attr a) {
    String v = a.value();
    if (type == FieldType.INTEGER || type == FieldType.DECIMAL) {
      if (NUMBER.matcher(v).matches()) {
        return true;
      }
    } else if (isTemporalLiteral(type, v)) {
      return true;
    }
    return expression(a);
  }

  private static boolean isTemporalLiteral(FieldType type, String v) {
    try {
      switch (type) {
        case DATE -> LocalDate.parse(v);
        case TIME -> LocalTime.parse(v);
        case DATETIME -> OffsetDateTime.parse(v);
        default -> {
          return false;
        }
      }
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private Integer integer(Attributes.Attr a, int max) {
    String v = a.value();
    if (!v.matches("\\d{1,9}") || new BigDecimal(v).compareTo(BigDecimal.valueOf(max)) > 0) {
      bad(a, "应为 0 到 " + max + " 的整数", "expected a whole number from 0 to " + max);
      return null;
    }
    return Integer.parseInt(v);
  }

  /** The options as written, trimmed; the model checks them (empty, repeated). */
  private static List<String> options(Attributes.Attr a) {
    List<String> out = new ArrayList<>();
    for (String o : a.value().split("\\|", -1)) {
      out.add(o.strip());
    }
    return out;
  }

  private boolean bad(Attributes.Attr a, String zh, String en) {
    problems.error(a.valueOffset() >= 0 ? a.valueOffset() : a.nameOffset(),
        "dsl/bad-attribute-value", "属性 " + a.name() + " 的值不正确：" + zh,
        "bad value for attribute " + a.name() + ": " + en);
    return false;
  }
}

package org.emrkit.dsl.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;

/**
 * A calculated field whose expression does not give what a calc can show (a number, or text such
 * as {@code dx.code}) is {@code dsl/calc-type} at compile time: a comparison (true or false), a
 * date or time read as it is, text with a {@code unit} or {@code precision}, or a text, date or
 * true/false field in {@code + - * /} (the calc would print nothing for ever). The types come
 * from the fields the names are; names of groups and tables are not judged.
 */
final class CalcTypes {

  enum Kind { NUMBER, TEXT, TIME, BOOLEAN, UNKNOWN }

  /** A calc field and where its {@code {{} is. */
  record Calc(Field field, int offset) {
    /** Where its expression starts in the file's text (its {@code {{} if not found). */
    int exprOffset(String text) {
      int at = text.indexOf(field.expr().source(), offset);
      return at < 0 ? offset : at;
    }
  }

  private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=", "and",
      "or", "not");
  private static final Set<String> ARITHMETIC = Set.of("+", "-", "*", "/");

  private final BuildState state;
  private final Map<String, Field> fields;
  private final Map<String, Kind> inferred = new HashMap<>();

  private CalcTypes(BuildState state, Map<String, Field> fields) {
    this.state = state;
    this.fields = fields;
  }

  /** Checks every calc the file declared against the fields it has. */
  static void check(BuildState state, List<Calc> calcs, Map<String, Field> fields) {
    CalcTypes c = new CalcTypes(state, fields);
    for (Calc calc : calcs) {
      c.check(calc);
    }
  }

  private record Token(String text, int offset, boolean string) {}

  private void check(Calc calc) {
    Field f = calc.field();
    String src = f.expr().source();
    int base = calc.exprOffset(state.source.text);
    List<Token> tokens = tokens(src);
    String whole = src.strip();
    Kind kind = whole.matches("true|false|empty\\s*\\(.*\\)") ? Kind.BOOLEAN
        : whole.matches("now\\s*\\(\\s*\\)") ? Kind.TIME : kind(tokens, 0);
    if (kind == Kind.BOOLEAN) {
      error(base, "计算字段 " + f.name() + " 的表达式给出 是/否：条件请写在 when 或 ::: if 中，计算字段只给出数字或文字",
          "calc " + f.name() + " gives true or false: a condition goes in when or ::: if; a calc "
              + "gives a number or text");
    } else if (kind == Kind.TIME) {
      error(base, "计算字段 " + f.name() + " 不能直接给出日期或时间；间隔请用 hours(a, b) 或 days(a, b)",
          "calc " + f.name() + " cannot give a date or time as it is; for a span use hours(a, b) "
              + "or days(a, b)");
    } else if (kind == Kind.TEXT && (f.unit() != null || f.precision() != null)) {
      error(base, "计算字段 " + f.name() + " 给出文字，不能带 unit 或 precision",
          "calc " + f.name() + " gives text: unit and precision do not apply");
    } else if (kind == Kind.NUMBER || kind == Kind.TEXT) {
      arithmetic(tokens, base, kind == Kind.TEXT);
    }
  }

  /**
   * A text, date, time or checkbox value in arithmetic: any of them next to {@code - * /}, or
   * next to {@code +} in a calc that gives a number ({@code +} joins text in one that gives text).
   */
  private void arithmetic(List<Token> tokens, int base, boolean text) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!isName(t) || !operand(tokens, i, text)) {
        continue;
      }
      boolean part = t.text().contains(".");
      Kind k = part ? Kind.TEXT : nameKind(t.text(), 1);
      if (k == Kind.TEXT || k == Kind.TIME || k == Kind.BOOLEAN) {
        String what = part ? "文字" : fields.get(t.text()).type().label() + " 类型";
        String whatEn = part ? "text" : fields.get(t.text()).type().label();
        error(base + t.offset(), (part ? "" : "字段 ") + t.text() + " 是 " + what + "，不能参与算术运算"
            + (k == Kind.TIME ? "(间隔请用 hours 或 days)" : ""), (part ? "" : "field ")
            + t.text() + " is " + whatEn + " and cannot take part in arithmetic"
            + (k == Kind.TIME ? " (for a span use hours or days)" : ""));
        return;
      }
    }
  }

  /** Whether the name at {@code i} stands next to an arithmetic operator ({@code +} aside in text). */
  private static boolean operand(List<Token> tokens, int i, boolean text) {
    return (i > 0 && arithmetic(tokens.get(i - 1), text))
        || (i + 1 < tokens.size() && arithmetic(tokens.get(i + 1), text));
  }

  private static boolean arithmetic(Token t, boolean text) {
    return !t.string() && ARITHMETIC.contains(t.text()) && !(text && t.text().equals("+"));
  }

  private Kind kind(List<Token> tokens, int depth) {
    for (Token t : tokens) {
      if (!t.string() && COMPARISONS.contains(t.text())) {
        return Kind.BOOLEAN;
      }
    }
    if (tokens.size() == 1 && isName(tokens.get(0))) {
      String name = tokens.get(0).text();
      return name.contains(".") ? Kind.TEXT : nameKind(name, depth + 1);
    }
    boolean text = false;
    for (Token t : tokens) {
      text |= t.string() || (isName(t) && t.text().contains("."));
    }
    return text ? Kind.TEXT : Kind.NUMBER;
  }

  private Kind nameKind(String name, int depth) {
    Field f = fields.get(name);
    if (f == null) {
      return Kind.UNKNOWN;
    }
    return switch (f.type()) {
      case INTEGER, DECIMAL -> Kind.NUMBER;
      case DATE, DATETIME, TIME -> Kind.TIME;
      case BOOLEAN -> Kind.BOOLEAN;
      case CALC -> depth > 8 ? Kind.UNKNOWN : inferred.computeIfAbsent(name,
          n -> kind(tokens(f.expr().source()), depth));
      case MACRO -> f.source().equals("patient.age") ? Kind.NUMBER
          : f.source().endsWith("At") || f.source().endsWith("Date")
              || f.source().startsWith("encounter.events.") ? Kind.TIME : Kind.TEXT;
      default -> Kind.TEXT;
    };
  }

  private static boolean isName(Token t) {
    char c = t.text().charAt(0);
    return !t.string() && (Character.isLetter(c) || c == '_') && !COMPARISONS.contains(t.text())
        && !Set.of("true", "false", "null").contains(t.text());
  }

  /** The tokens of a grammatical expression; a called function's name is left out. */
  private static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int start = i;
      if (c == ' ' || c == '\t') {
        i++;
        continue;
      } else if (c == '\'') {
        i++;
        while (i < s.length() && s.charAt(i) != '\'') {
          i += s.charAt(i) == '\\' ? 2 : 1;
        }
        i = Math.min(i + 1, s.length());
        out.add(new Token("'", start, true));
        continue;
      } else if (Character.isLetterOrDigit(c) || c == '_') {
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || "_.".indexOf(
            s.charAt(i)) >= 0)) {
          i++;
        }
        int j = i;
        while (j < s.length() && s.charAt(j) == ' ') {
          j++;
        }
        if (j < s.length() && s.charAt(j) == '(') {
          continue; // a function: its result is a number, or true/false for empty()
        }
      } else if (i + 1 < s.length() && "=!<>".indexOf(c) >= 0 && s.charAt(i + 1) == '=') {
        i += 2;
      } else {
        i++;
      }
      out.add(new Token(s.substring(start, i), start, false));
    }
    return out;
  }

  private void error(int offset, String zh, String en) {
    state.problems.error(offset, "dsl/calc-type", zh, en);
  }
}

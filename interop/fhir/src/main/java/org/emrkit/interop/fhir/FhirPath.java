package org.emrkit.interop.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Translates an EMRKit expression (template DSL §7) to FHIRPath, for SDC's
 * {@code calculatedExpression} and {@code enableWhenExpression}: names become the answers of the
 * items they name, {@code ==} becomes {@code =}, {@code not x} becomes {@code (x).not()},
 * {@code pow}, {@code round}, {@code len}, {@code empty} and {@code now} their FHIRPath
 * functions. {@code hours} and {@code days} have no FHIRPath counterpart: an expression using
 * them does not translate (the caller keeps the EMRKit text). A recursive-descent parser over
 * the same grammar the engine accepts; input is bounded by the template's expression limit.
 */
final class FhirPath {

  private final List<String> tokens;
  private final Function<String, String> name;
  private int at;

  private FhirPath(List<String> tokens, Function<String, String> name) {
    this.tokens = tokens;
    this.name = name;
  }

  /**
   * The FHIRPath of an expression, with each name written by {@code name}; empty when the
   * expression uses what FHIRPath lacks.
   */
  static Optional<String> of(String expression, Function<String, String> name) {
    try {
      FhirPath p = new FhirPath(tokens(expression), name);
      String out = p.or();
      return p.at == p.tokens.size() ? Optional.of(out) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private String or() {
    String left = and();
    while (accept("or")) {
      left = left + " or " + and();
    }
    return left;
  }

  private String and() {
    String left = not();
    while (accept("and")) {
      left = left + " and " + not();
    }
    return left;
  }

  private String not() {
    if (accept("not")) {
      return "(" + not() + ").not()";
    }
    return comparison();
  }

  private String comparison() {
    String left = sum();
    for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
      if (accept(op)) {
        return left + " " + (op.equals("==") ? "=" : op) + " " + sum();
      }
    }
    return left;
  }

  private String sum() {
    String left = product();
    while (peek("+") || peek("-")) {
      String op = tokens.get(at++);
      left = left + " " + op + " " + product();
    }
    return left;
  }

  private String product() {
    String left = unary();
    while (peek("*") || peek("/")) {
      String op = tokens.get(at++);
      left = left + " " + op + " " + unary();
    }
    return left;
  }

  private String unary() {
    if (accept("-")) {
      return "-" + unary();
    }
    return primary();
  }

  private String primary() {
    if (at >= tokens.size()) {
      throw new IllegalArgumentException("ends early");
    }
    String t = tokens.get(at++);
    if (t.equals("(")) {
      String inner = or();
      expect(")");
      return "(" + inner + ")";
    }
    if (t.startsWith("'") || Character.isDigit(t.charAt(0)) || t.equals("true")
        || t.equals("false")) {
      return t;
    }
    if (t.equals("null")) {
      return "{}";
    }
    if (peek("(")) {
      return call(t);
    }
    return "(" + name.apply(t) + ")";
  }

  private String call(String function) {
    expect("(");
    List<String> args = new ArrayList<>();
    if (!accept(")")) {
      do {
        args.add(or());
      } while (accept(","));
      expect(")");
    }
    return switch (function + "/" + args.size()) {
      case "pow/2" -> "(" + args.get(0) + ").power(" + args.get(1) + ")";
      case "round/1" -> "(" + args.get(0) + ").round(0)";
      case "round/2" -> "(" + args.get(0) + ").round(" + args.get(1) + ")";
      case "len/1" -> "(" + args.get(0) + ").length()";
      case "empty/1" -> "(" + args.get(0) + ").empty()";
      case "now/0" -> "now()";
      default -> throw new IllegalArgumentException("no FHIRPath for " + function);
    };
  }

  private boolean peek(String t) {
    return at < tokens.size() && tokens.get(at).equals(t);
  }

  private boolean accept(String t) {
    if (peek(t)) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(String t) {
    if (!accept(t)) {
      throw new IllegalArgumentException("expected " + t);
    }
  }

  /** Numbers, 'strings', words, two-character comparisons, single characters. */
  static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      } else if (c == '\'') {
        i = s.indexOf('\'', i + 1);
        if (i < 0) {
          throw new IllegalArgumentException("unterminated string");
        }
        i++;
      } else if (Character.isDigit(c)) {
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
          i++;
        }
      } else if (Character.isLetter(c) || c == '_') {
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
          i++;
        }
        for (String part : List.of(".code", ".display")) {
          if (s.startsWith(part, i)) {
            i += part.length(); // a coded value's part: one name, "dx.code"
            break;
          }
        }
      } else if ("=!<>".indexOf(c) >= 0 && i + 1 < s.length() && s.charAt(i + 1) == '=') {
        i += 2;
      } else {
        i++;
      }
      out.add(s.substring(start, i));
    }
    return out;
  }
}

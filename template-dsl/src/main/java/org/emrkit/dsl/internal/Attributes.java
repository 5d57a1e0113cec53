package org.emrkit.dsl.internal;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * Lexes attribute lists: {@code #id}, {@code flag}, {@code name=value} and
 * {@code name="quoted \" value"}. Used for fields, heading attributes, container lines and
 * table attribute lines. Offsets are into the whole source.
 */
final class Attributes {

  /** One attribute. {@code value} is null for a flag; for {@code #id} the name is {@code #}. */
  record Attr(String name, String value, int nameOffset, int valueOffset, boolean quoted) {
    boolean isFlag() {
      return value == null;
    }
  }

  private Attributes() {}

  /**
   * Whether no attribute is given twice ({@code {: #a #b}}, {@code fontSize=9 fontSize=10});
   * each repeat is {@code dsl/duplicate-attribute} at its name.
   */
  static boolean unique(List<Attr> attrs, Problems problems) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    boolean ok = true;
    for (Attr a : attrs) {
      if (!seen.add(a.name())) {
        String name = a.name().equals("#") ? "#id" : a.name();
        problems.error(a.nameOffset(), "dsl/duplicate-attribute", "属性 " + name
            + " 重复，只能写一次", "attribute " + name + " is given twice");
        ok = false;
      }
    }
    return ok;
  }

  /**
   * Lexes {@code text}. On a syntax error adds a problem with {@code code} and returns null.
   */
  static List<Attr> lex(BasedSequence text, Problems problems, String code) {
    Lexer l = new Lexer(text.toString(), text.getStartOffset(), problems, code);
    List<Attr> out = new ArrayList<>();
    while (l.i < l.n) {
      if (Character.isWhitespace(l.s.charAt(l.i))) {
        l.i++;
        continue;
      }
      Attr a = l.s.charAt(l.i) == '#' ? l.id() : l.attribute();
      if (a == null) {
        return null;
      }
      out.add(a);
    }
    return out;
  }

  /** A cursor over one attribute text; each reader returns null after reporting a problem. */
  private static final class Lexer {
    final String s;
    final int n;
    final int base;
    final Problems problems;
    final String code;
    int i;

    Lexer(String s, int base, Problems problems, String code) {
      this.s = s;
      this.n = s.length();
      this.base = base;
      this.problems = problems;
      this.code = code;
    }

    private Attr fail(int at, String zh, String en) {
      problems.error(base + at, code, zh, en);
      return null;
    }

    Attr id() {
      int start = i++;
      while (i < n && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i == start + 1) {
        return fail(start, "# 后缺少 id", "missing id after #");
      }
      return new Attr("#", s.substring(start + 1, i), base + start, base + start + 1, false);
    }

    Attr attribute() {
      int start = i;
      char c = s.charAt(i);
      if (!Character.isLetter(c)) {
        return fail(i, "此处应为属性名，而不是 '" + c + "'",
            "expected an attribute name, not '" + c + "'");
      }
      while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-'
          || s.charAt(i) == '_')) {
        i++;
      }
      String name = s.substring(start, i);
      if (i >= n || s.charAt(i) != '=') {
        if (i < n && !Character.isWhitespace(s.charAt(i))) {
          return fail(i, "属性 " + name + " 后有多余字符 '" + s.charAt(i) + "'",
              "unexpected '" + s.charAt(i) + "' after attribute " + name);
        }
        return new Attr(name, null, base + start, -1, false);
      }
      i++;
      return i < n && s.charAt(i) == '"' ? quoted(name, start) : bare(name, start);
    }

    private Attr quoted(String name, int start) {
      int open = i++;
      StringBuilder v = new StringBuilder();
      boolean closed = false;
      while (i < n && !closed) {
        char q = s.charAt(i);
        if (q == '\\' && i + 1 < n) {
          v.append(s.charAt(i + 1));
          i += 2;
        } else {
          closed = q == '"';
          if (!closed) {
            v.append(q);
          }
          i++;
        }
      }
      if (!closed) {
        return fail(open, "属性 " + name + " 的值缺少结尾的双引号",
            "value of attribute " + name + " is missing its closing \"");
      }
      if (i < n && !Character.isWhitespace(s.charAt(i))) {
        // most often a double quote inside the value ended it early: when="sex == "2""
        return fail(i, "引号后应为空格；值中需要引号时请用单引号，如 when=\"sex == '2'\"",
            "expected a space after the closing quote; inside a double-quoted value use single "
            + "quotes, as in when=\"sex == '2'\" (or \\\" for a literal double quote)");
      }
      return new Attr(name, v.toString(), base + start, base + open + 1, true);
    }

    private Attr bare(String name, int start) {
      int vstart = i;
      while (i < n && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i == vstart) {
        return fail(vstart, "属性 " + name + " 缺少值", "attribute " + name + " has no value");
      }
      return new Attr(name, s.substring(vstart, i), base + start, base + vstart, false);
    }
  }

  /** The attribute value written back, quoted when it must be. */
  static String quote(String value) {
    boolean plain = !value.isEmpty() && value.chars().allMatch(ch -> ch < 128
        && (Character.isLetterOrDigit(ch) || "._-@:/%+".indexOf(ch) >= 0));
    if (plain) {
      return value;
    }
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}

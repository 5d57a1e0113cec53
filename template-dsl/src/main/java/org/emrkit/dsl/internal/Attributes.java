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
   * Lexes {@code text}. On a syntax error adds a problem with {@code code} and returns null.
   */
  static List<Attr> lex(BasedSequence text, Problems problems, String code) {
    String s = text.toString();
    int base = text.getStartOffset();
    List<Attr> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      if (c == '#') {
        i++;
        while (i < n && !Character.isWhitespace(s.charAt(i))) {
          i++;
        }
        if (i == start + 1) {
          problems.error(base + start, code, "# 后缺少 id", "missing id after #");
          return null;
        }
        out.add(new Attr("#", s.substring(start + 1, i), base + start, base + start + 1, false));
        continue;
      }
      if (!Character.isLetter(c)) {
        problems.error(base + i, code, "此处应为属性名，而不是 '" + c + "'",
            "expected an attribute name, not '" + c + "'");
        return null;
      }
      while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-'
          || s.charAt(i) == '_')) {
        i++;
      }
      String name = s.substring(start, i);
      if (i >= n || s.charAt(i) != '=') {
        if (i < n && !Character.isWhitespace(s.charAt(i))) {
          problems.error(base + i, code, "属性 " + name + " 后有多余字符 '" + s.charAt(i) + "'",
              "unexpected '" + s.charAt(i) + "' after attribute " + name);
          return null;
        }
        out.add(new Attr(name, null, base + start, -1, false));
        continue;
      }
      i++;
      if (i < n && s.charAt(i) == '"') {
        int open = i++;
        StringBuilder v = new StringBuilder();
        boolean closed = false;
        while (i < n) {
          char q = s.charAt(i);
          if (q == '\\' && i + 1 < n) {
            v.append(s.charAt(i + 1));
            i += 2;
          } else if (q == '"') {
            closed = true;
            i++;
            break;
          } else {
            v.append(q);
            i++;
          }
        }
        if (!closed) {
          problems.error(base + open, code, "属性 " + name + " 的值缺少结尾的双引号",
              "value of attribute " + name + " is missing its closing \"");
          return null;
        }
        if (i < n && !Character.isWhitespace(s.charAt(i))) {
          problems.error(base + i, code, "引号后应为空格", "expected a space after the closing quote");
          return null;
        }
        out.add(new Attr(name, v.toString(), base + start, base + open + 1, true));
      } else {
        int vstart = i;
        while (i < n && !Character.isWhitespace(s.charAt(i))) {
          i++;
        }
        if (i == vstart) {
          problems.error(base + vstart, code, "属性 " + name + " 缺少值",
              "attribute " + name + " has no value");
          return null;
        }
        out.add(new Attr(name, s.substring(vstart, i), base + start, base + vstart, false));
      }
    }
    return out;
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

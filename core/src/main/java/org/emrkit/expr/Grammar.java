package org.emrkit.expr;

import java.util.Optional;
import java.util.Set;
import org.emrkit.problem.Message;

/**
 * Checks that an expression uses only the grammar of template DSL §7 (package-private): numbers,
 * {@code 'strings'}, names (a coded value's parts as {@code dx.code}, {@code dx.display}),
 * {@code true false null}, {@code + - * /}, comparisons,
 * {@code and or not}, parentheses, commas, and calls of the registered functions. Anything else
 * JEXL would accept (other member access, indexing, ternaries, regex match, assignments, blocks,
 * double-quoted strings...) is refused here, before JEXL parses the text.
 */
final class Grammar {

  /** The functions an expression may call. */
  static final Set<String> FUNCTIONS = Set.of("len", "empty", "round", "pow", "hours", "days",
      "now");
  /** The parts of a coded value an expression may read: {@code dx.code}, {@code dx.display}. */
  static final Set<String> PARTS = Set.of("code", "display");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "true", "false", "null");

  private Grammar() {}

  static Optional<ExpressionError> check(String s) {
    return check(s, null);
  }

  /**
   * Checks the expression, adding to {@code names} (when not null) each name it reads — a word
   * that is not a keyword and not a function called — with its offset.
   */
  static Optional<ExpressionError> check(String s, java.util.List<ExpressionEngine.Name> names) {
    int[] at = {0};
    while (at[0] < s.length()) {
      char c = s.charAt(at[0]);
      Optional<ExpressionError> e;
      if (c == ' ' || c == '\t') {
        at[0]++;
        e = Optional.empty();
      } else if (Character.isDigit(c)) {
        e = number(s, at);
      } else if (c == '\'') {
        e = string(s, at);
      } else if (Character.isLetter(c) || c == '_') {
        e = word(s, at, names);
      } else {
        e = operator(s, at);
      }
      if (e.isPresent()) {
        return e;
      }
    }
    return Optional.empty();
  }

  private static Optional<ExpressionError> number(String s, int[] at) {
    int n = s.length();
    int start = at[0];
    int i = digits(s, start);
    if (i < n && s.charAt(i) == '.') {
      if (i + 1 >= n || !Character.isDigit(s.charAt(i + 1))) {
        return error(start, "数字格式不正确", "malformed number");
      }
      i = digits(s, i + 1);
    }
    at[0] = i;
    if (i < n && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
      return error(i, "数字后不能紧跟字母", "a number cannot be followed by a letter");
    }
    return Optional.empty();
  }

  private static int digits(String s, int i) {
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static Optional<ExpressionError> string(String s, int[] at) {
    int start = at[0];
    int i = start + 1;
    while (i < s.length() && s.charAt(i) != '\'') {
      i += s.charAt(i) == '\\' ? 2 : 1;
    }
    if (i >= s.length()) {
      return error(start, "字符串缺少结尾的单引号", "string not closed with '");
    }
    at[0] = i + 1;
    return Optional.empty();
  }

  private static Optional<ExpressionError> word(String s, int[] at,
      java.util.List<ExpressionEngine.Name> names) {
    int n = s.length();
    int start = at[0];
    int i = start;
    while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
      i++;
    }
    at[0] = i;
    String word = s.substring(start, i);
    int j = i;
    while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
      j++;
    }
    boolean call = j < n && s.charAt(j) == '(';
    if (call && !FUNCTIONS.contains(word) && !KEYWORDS.contains(word)) {
      return error(start, "未知函数 " + word + "(可用：len, empty, round, pow, hours, days, now)",
          "unknown function " + word + " (available: len, empty, round, pow, hours, days, now)");
    }
    if (j < n && s.charAt(j) == '.') {
      int k = j + 1;
      while (k < n && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_')) {
        k++;
      }
      String part = s.substring(j + 1, k);
      if (call || j != i || !PARTS.contains(part) || (k < n && s.charAt(k) == '.')) {
        return error(j, "只能读取编码值的 .code 与 .display(如 dx.code)",
            "only a coded value's .code and .display may be read (dx.code)");
      }
      at[0] = k;
    }
    if (names != null && !call && !KEYWORDS.contains(word)) {
      names.add(new ExpressionEngine.Name(word, start));
    }
    return Optional.empty();
  }

  private static Optional<ExpressionError> operator(String s, int[] at) {
    int i = at[0];
    char c = s.charAt(i);
    char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
    if ("()+-*/,".indexOf(c) >= 0) {
      at[0] = i + 1;
      return Optional.empty();
    }
    if (c == '=' || c == '!') {
      if (next != '=') {
        return error(i, c == '=' ? "赋值不允许；比较请用 ==" : "请用 not 表示否定，!= 表示不等",
            c == '=' ? "assignment is not allowed; compare with =="
                : "use not for negation and != for inequality");
      }
      at[0] = i + 2;
      return Optional.empty();
    }
    if (c == '<' || c == '>') {
      if (next == '<' || next == '>') {
        return error(i, "不支持位移运算 " + c + next, "shift operators like " + c + next
            + " are not allowed");
      }
      at[0] = i + (next == '=' ? 2 : 1);
      return Optional.empty();
    }
    return error(i, "表达式中不允许字符 '" + c + "'", "character '" + c
        + "' is not allowed in an expression");
  }

  /**
   * The text JEXL reads for a grammatical expression: {@code dx.code} as the one name
   * {@code dx$code} (same length, so offsets stay), which no field name can be.
   */
  static String forJexl(String s) {
    if (s.indexOf('.') < 0) {
      return s;
    }
    java.util.List<ExpressionEngine.Name> names = new java.util.ArrayList<>();
    check(s, names); // the same reading: a part's dot stands right after its name
    char[] out = s.toCharArray();
    for (ExpressionEngine.Name n : names) {
      int dot = n.offset() + n.name().length();
      if (dot < out.length && out[dot] == '.') {
        out[dot] = '$';
      }
    }
    return new String(out);
  }

  private static Optional<ExpressionError> error(int offset, String zh, String en) {
    return Optional.of(new ExpressionError(offset, new Message(zh, en)));
  }
}

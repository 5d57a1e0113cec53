package org.emrkit.expr;

import java.util.Optional;
import java.util.Set;
import org.emrkit.problem.Message;

/**
 * Checks that an expression uses only the grammar of template DSL §7 (package-private): numbers,
 * {@code 'strings'}, names, {@code true false null}, {@code + - * /}, comparisons,
 * {@code and or not}, parentheses, commas, and calls of the registered functions. Anything else
 * JEXL would accept (member access, indexing, ternaries, regex match, assignments, blocks,
 * double-quoted strings...) is refused here, before JEXL parses the text.
 */
final class Grammar {

  /** The functions an expression may call. */
  static final Set<String> FUNCTIONS = Set.of("len", "empty", "round", "pow", "hours", "days",
      "now");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "true", "false", "null");

  private Grammar() {}

  static Optional<ExpressionError> check(String s) {
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t') {
        i++;
      } else if (Character.isDigit(c)) {
        int start = i;
        while (i < n && Character.isDigit(s.charAt(i))) {
          i++;
        }
        if (i < n && s.charAt(i) == '.') {
          i++;
          if (i >= n || !Character.isDigit(s.charAt(i))) {
            return error(start, "数字格式不正确", "malformed number");
          }
          while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
          }
        }
        if (i < n && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
          return error(i, "数字后不能紧跟字母", "a number cannot be followed by a letter");
        }
      } else if (c == '\'') {
        int start = i++;
        while (i < n && s.charAt(i) != '\'') {
          i += s.charAt(i) == '\\' ? 2 : 1;
        }
        if (i >= n) {
          return error(start, "字符串缺少结尾的单引号", "string not closed with '");
        }
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
          i++;
        }
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
          return error(j, "不支持成员访问 \".\"", "member access \".\" is not allowed");
        }
      } else if ("()+-*/,".indexOf(c) >= 0) {
        i++;
      } else if (c == '=' || c == '!') {
        if (i + 1 < n && s.charAt(i + 1) == '=') {
          i += 2;
        } else {
          return error(i, c == '=' ? "赋值不允许；比较请用 ==" : "请用 not 表示否定，!= 表示不等",
              c == '=' ? "assignment is not allowed; compare with ==" : "use not for negation and != for inequality");
        }
      } else if (c == '<' || c == '>') {
        i += i + 1 < n && s.charAt(i + 1) == '=' ? 2 : 1;
      } else {
        return error(i, "表达式中不允许字符 '" + c + "'", "character '" + c
            + "' is not allowed in an expression");
      }
    }
    return Optional.empty();
  }

  private static Optional<ExpressionError> error(int offset, String zh, String en) {
    return Optional.of(new ExpressionError(offset, new Message(zh, en)));
  }
}

package org.emrkit.dsl.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bounds checked before Flexmark sees the text. Flexmark is not linear on some inputs (its
 * setext-heading check copies the open paragraph on every line; entity references cost grows
 * with the paragraph; long delimiter runs recurse), so inputs past these bounds are refused with
 * one diagnostic instead of running for minutes. Real templates stay far below every bound.
 */
public final class InputGuard {

  /** Longest line, in characters. */
  public static final int MAX_LINE_CHARS = 100_000;
  /** Most consecutive non-blank lines (a paragraph or table: the row limit plus headers). */
  public static final int MAX_BLOCK_LINES = 10_010;
  /** Most {@code |} on one line (tables have at most 100 columns). */
  public static final int MAX_PIPES_PER_LINE = 1_000;
  /**
   * Most columns of indentation (a tab counts four): blocks nest at most 32 deep, a few columns
   * each; a list indented two more columns a level for 2,000 levels is 4 MB of spaces that
   * Flexmark took over 20 seconds to read in a 256 MiB heap.
   */
  public static final int MAX_INDENT = 200;
  /** Most character references ({@code &#32;}, {@code &amp;}) in one file. */
  public static final int MAX_ENTITIES = 10_000;

  private static final Pattern ENTITY = Pattern.compile(
      "&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");

  /** A refusal: the 1-based line and the message. */
  public record Refusal(int line, String zh, String en) {}

  private InputGuard() {}

  /** The first bound the text breaks, or null. */
  public static Refusal check(String text) {
    int line = 1;
    int run = 0;
    int runStart = 1;
    int i = 0;
    int n = text.length();
    while (i <= n) {
      int end = text.indexOf('\n', i);
      if (end < 0) {
        end = n;
      }
      int length = end - i;
      if (length > MAX_LINE_CHARS) {
        return new Refusal(line, "此行超过 " + MAX_LINE_CHARS + " 字符", "line longer than "
            + MAX_LINE_CHARS + " characters");
      }
      int pipes = 0;
      boolean blank = true;
      int indent = 0;
      for (int k = i; k < end && (text.charAt(k) == ' ' || text.charAt(k) == '\t'); k++) {
        indent += text.charAt(k) == '\t' ? 4 : 1;
      }
      if (indent > MAX_INDENT && indent < length) {
        return new Refusal(line, "此行缩进 " + indent + " 列(上限 " + MAX_INDENT
            + ")：列表和块至多嵌套 32 层", "line indented " + indent + " columns (limit "
            + MAX_INDENT + "): lists and blocks nest at most 32 deep");
      }
      for (int k = i; k < end; k++) {
        char c = text.charAt(k);
        if (c == '|') {
          pipes++;
        }
        if (!Character.isWhitespace(c)) {
          blank = false;
        }
      }
      if (pipes > MAX_PIPES_PER_LINE) {
        return new Refusal(line, "此行有 " + pipes + " 个 |(上限 " + MAX_PIPES_PER_LINE + ")",
            "line has " + pipes + " | characters (limit " + MAX_PIPES_PER_LINE + ")");
      }
      if (blank) {
        run = 0;
      } else {
        if (run == 0) {
          runStart = line;
        }
        if (++run > MAX_BLOCK_LINES) {
          return new Refusal(runStart, "从此行起连续 " + MAX_BLOCK_LINES + " 行以上没有空行(段落或表格过长)",
              "more than " + MAX_BLOCK_LINES + " lines without a blank line from here (paragraph "
                  + "or table too long)");
        }
      }
      i = end + 1;
      line++;
    }
    return entities(text);
  }

  /** Refuses more than {@link #MAX_ENTITIES} character references, at the line of the first. */
  private static Refusal entities(String text) {
    Matcher m = ENTITY.matcher(text);
    int entities = 0;
    while (m.find()) {
      if (++entities > MAX_ENTITIES) {
        int at = 1;
        for (int k = 0; k < m.start(); k++) {
          if (text.charAt(k) == '\n') {
            at++;
          }
        }
        return new Refusal(at, "字符引用(&...;)超过 " + MAX_ENTITIES + " 个", "more than "
            + MAX_ENTITIES + " character references (&...;)");
      }
    }
    return null;
  }
}

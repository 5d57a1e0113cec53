package org.emrkit.dsl.internal;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the YAML front matter block: one {@code key: value} per line, values optionally quoted,
 * {@code # comments} after white space. This is the subset of YAML the template DSL uses; a line
 * that is not of this form is a diagnostic, never ignored.
 */
final class FrontMatter {

  /** A value with the offset where it starts. */
  record Entry(String value, int offset, int keyOffset) {}

  private static final Pattern LINE = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)[ \\t]*:[ \\t]*(.*)");

  final Map<String, Entry> entries = new LinkedHashMap<>();
  final int offset;

  private FrontMatter(int offset) {
    this.offset = offset;
  }

  /** Reads the front matter whose full text (with its --- lines) is {@code block}. */
  static FrontMatter read(BasedSequence block, Problems problems) {
    FrontMatter fm = new FrontMatter(block.getStartOffset());
    String[] lines = block.toString().split("\n", -1);
    int lineOffset = block.getStartOffset();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int start = lineOffset;
      lineOffset += line.length() + 1;
      String t = line.strip();
      if (i == 0 || t.isEmpty() || t.startsWith("#") || t.equals("---") || t.equals("...")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        problems.error(start, "dsl/front-matter-invalid", "前置信息每行应为 \"键: 值\"",
            "each front-matter line is \"key: value\"");
        continue;
      }
      String key = m.group(1);
      String raw = m.group(2);
      int valueStart = start + m.start(2);
      String value = value(raw);
      if (value == null) {
        problems.error(valueStart, "dsl/front-matter-invalid", "引号未闭合", "unclosed quote");
        continue;
      }
      if (fm.entries.containsKey(key)) {
        problems.error(start, "dsl/front-matter-invalid", "键 " + key + " 重复",
            "key " + key + " is given twice");
        continue;
      }
      int quoteShift = raw.startsWith("\"") || raw.startsWith("'") ? 1 : 0;
      fm.entries.put(key, new Entry(value, valueStart + quoteShift, start));
    }
    return fm;
  }

  /** The value without quotes and trailing comment; null for an unclosed quote. */
  private static String value(String raw) {
    String r = raw.strip();
    if (r.startsWith("\"")) {
      StringBuilder out = new StringBuilder();
      for (int i = 1; i < r.length(); i++) {
        char c = r.charAt(i);
        if (c == '\\' && i + 1 < r.length()) {
          out.append(r.charAt(++i));
        } else if (c == '"') {
          return out.toString();
        } else {
          out.append(c);
        }
      }
      return null;
    }
    if (r.startsWith("'")) {
      int end = r.indexOf('\'', 1);
      return end < 0 ? null : r.substring(1, end);
    }
    Matcher comment = Pattern.compile("[ \\t]#").matcher(r);
    if (comment.find()) {
      r = r.substring(0, comment.start());
    }
    return r.strip();
  }
}

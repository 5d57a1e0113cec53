package org.emrkit.record;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runs of a rich-text value (record JSON: paragraphs separated by a blank line,
 * {@code **bold**}, {@code *italic*}, {@code ^sup^}, {@code ~sub~}, single line breaks kept), for
 * renderers that lay text out run by run (PDF, DOCX). Super- and subscripts hold Latin letters,
 * digits, Greek, signs and a point, and may stand inside bold or italic ({@code **WBC
 * 12×10^9^/L**}); nothing else nests; a marker without its partner, or around other text (a
 * range: 3~5次，持续2~3天), is text.
 */
public final class RichText {

  /**
   * What a super- or subscript holds: Latin letters, digits, Greek, signs and a point (10^9^,
   * Ca^2+^, SpO~2~, β~2~), so that a range written with a tilde (每日3~5次，持续2~3天) stays text.
   */
  private static final String SCRIPTED = "[0-9A-Za-z\\u0370-\\u03ff+\\-\\u2212.]+?";
  private static final Pattern SCRIPT = Pattern.compile(
      "\\^(" + SCRIPTED + ")\\^|~(" + SCRIPTED + ")~");
  private static final Pattern RUN = Pattern.compile("\\*\\*([^*\\n]+?)\\*\\*|\\*([^*\\n]+?)\\*|\\^("
      + SCRIPTED + ")\\^|~(" + SCRIPTED + ")~");

  /**
   * A run of text with one style.
   *
   * @param text the text; may contain {@code \n} (a line break)
   * @param bold bold
   * @param italic italic
   * @param script 1 superscript, -1 subscript, 0 neither
   */
  public record Run(String text, boolean bold, boolean italic, int script) {}

  private RichText() {}

  /** The paragraphs of a value, each a list of runs (empty runs left out). */
  public static List<List<Run>> parse(String value) {
    String v = value.strip();
    if (v.indexOf('*') < 0 && v.indexOf('^') < 0 && v.indexOf('~') < 0 && v.indexOf('\n') < 0) {
      // most values have no markup and one paragraph: no regular expressions for them
      return List.of(v.isEmpty() ? List.of() : List.of(new Run(v, false, false, 0)));
    }
    List<List<Run>> out = new ArrayList<>();
    for (String paragraph : value.strip().split("\\n\\s*\\n")) {
      List<Run> runs = new ArrayList<>();
      Matcher m = RUN.matcher(paragraph);
      int at = 0;
      while (m.find()) {
        add(runs, new Run(paragraph.substring(at, m.start()), false, false, 0));
        if (m.group(1) != null) {
          scripts(runs, m.group(1), true, false);
        } else if (m.group(2) != null) {
          scripts(runs, m.group(2), false, true);
        } else if (m.group(3) != null) {
          add(runs, new Run(m.group(3), false, false, 1));
        } else {
          add(runs, new Run(m.group(4), false, false, -1));
        }
        at = m.end();
      }
      add(runs, new Run(paragraph.substring(at), false, false, 0));
      out.add(runs);
    }
    return out;
  }

  /** The text of a value without its markers, paragraphs on lines of their own. */
  public static String plain(String value) {
    StringBuilder out = new StringBuilder();
    for (List<Run> paragraph : parse(value)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      paragraph.forEach(r -> out.append(r.text()));
    }
    return out.toString();
  }

  /** Bold or italic text, its super- and subscripts within it ({@code **10^9^/L**}). */
  private static void scripts(List<Run> runs, String text, boolean bold, boolean italic) {
    Matcher m = SCRIPT.matcher(text);
    int at = 0;
    while (m.find()) {
      add(runs, new Run(text.substring(at, m.start()), bold, italic, 0));
      add(runs, m.group(1) != null ? new Run(m.group(1), bold, italic, 1)
          : new Run(m.group(2), bold, italic, -1));
      at = m.end();
    }
    add(runs, new Run(text.substring(at), bold, italic, 0));
  }

  private static void add(List<Run> runs, Run r) {
    if (!r.text().isEmpty()) {
      runs.add(r);
    }
  }
}

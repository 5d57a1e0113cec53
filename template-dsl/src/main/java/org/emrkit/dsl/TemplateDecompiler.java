package org.emrkit.dsl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.emrkit.template.Field;
import org.emrkit.template.RepeatGroup;
import org.emrkit.template.Section;
import org.emrkit.template.SectionBuilder;
import org.emrkit.template.Table;
import org.emrkit.template.Template;
import org.emrkit.template.Text;

/**
 * Writes a {@link Template} as EMR Markdown that compiles to an equal template. Formatting is
 * normalised: one paragraph per line, blocks separated by blank lines, tables nested in cells
 * written as named tables at the end, ASCII punctuation in text escaped with a backslash,
 * leading and trailing white space as character references, and a styled run written with
 * {@code ** * ^ ~} when that is unambiguous and with {@code <b> <i> <sup> <sub>} otherwise.
 * Stateless and thread-safe.
 */
public final class TemplateDecompiler {

  private TemplateDecompiler() {}

  /** The template as EMR Markdown text, ending in a newline. */
  public static String decompile(Template template) {
    Objects.requireNonNull(template, "template");
    return new DslWriter().template(template);
  }

  /** One field as written in EMR Markdown, {@code {{name: type attrs}}}. */
  public static String field(Field f) {
    return DslWriter.field(f);
  }

  /**
   * A section's heading line at a level (2 for {@code ##}): title, and attributes in braces
   * when it has any ({@code ## 主诉 {#chief-complaint required}}).
   */
  public static String heading(Section s, int level) {
    StringBuilder out = new StringBuilder("#".repeat(level)).append(' ')
        .append(escapeText(s.title(), true));
    String attrs = sectionAttributes(s);
    return attrs.isEmpty() ? out.toString() : out.append(" {").append(attrs).append('}').toString();
  }

  /** A run-in section's label and attributes: {@code **主诉：**{#cc required}}. */
  public static String runIn(Section s) {
    return "**" + escapeText(s.title(), true) + "：**{" + sectionAttributes(s) + "}";
  }

  private static String sectionAttributes(Section s) {
    List<String> attrs = new ArrayList<>();
    if (!s.id().equals(SectionBuilder.deriveId(s.title()))) {
      attrs.add("#" + s.id());
    }
    if (s.required()) {
      attrs.add("required");
    }
    if (s.dataElement() != null) {
      attrs.add("de=" + s.dataElement());
    }
    if (s.code() != null) {
      attrs.add("code=" + quote(s.code()));
    }
    if (s.when() != null) {
      attrs.add("when=" + quote(s.when().source()));
    }
    if (s.newPage()) {
      attrs.add("newPage");
    }
    return String.join(" ", attrs);
  }

  /** A repeat group's container header without the fence: {@code repeat #id min=1 label="..."}. */
  public static String repeatHeader(RepeatGroup g) {
    StringBuilder out = new StringBuilder("repeat #").append(g.id());
    if (g.min() != 0) {
      out.append(" min=").append(g.min());
    }
    if (g.max() != null) {
      out.append(" max=").append(g.max());
    }
    if (g.label() != null) {
      out.append(" label=").append(quote(g.label()));
    }
    return out.toString();
  }

  /**
   * A table's attribute line ({@code {: #id widths="..." repeat minRows=1}}), or {@code ""} when
   * it has none to write.
   */
  public static String tableAttributes(Table t, boolean withId) {
    List<String> attrs = new ArrayList<>();
    if (withId && t.id() != null) {
      attrs.add("#" + t.id());
    }
    if (t.widths().stream().anyMatch(w -> w != 1.0)) {
      List<String> ws = new ArrayList<>();
      t.widths().forEach(w -> ws.add(number(w)));
      attrs.add("widths=\"" + String.join(",", ws) + "\"");
    }
    if (t.repeating()) {
      attrs.add("repeat");
      if (t.minRows() != 0) {
        attrs.add("minRows=" + t.minRows());
      }
      if (t.maxRows() != null) {
        attrs.add("maxRows=" + t.maxRows());
      }
    }
    attrs.addAll(styleAttributes(t.style()));
    return attrs.isEmpty() ? "" : "{: " + String.join(" ", attrs) + "}";
  }

  /** A table style's attributes ({@code borderless header=bold fontSize=9}); alignment aside. */
  static List<String> styleAttributes(org.emrkit.template.TableStyle style) {
    List<String> attrs = new ArrayList<>();
    if (style.borderless()) {
      attrs.add("borderless");
    }
    if (style.boldHeader()) {
      attrs.add("header=bold");
    }
    if (style.fontSize() != null) {
      attrs.add("fontSize=" + number(style.fontSize()));
    }
    return attrs;
  }

  /** A table's delimiter row: {@code |---|:---:|---:|} by its columns' alignment. */
  public static String delimiterRow(Table t) {
    StringBuilder sb = new StringBuilder("|");
    for (int c = 0; c < t.columns(); c++) {
      sb.append(switch (t.style().align(c)) {
        case CENTER -> ":---:";
        case RIGHT -> "---:";
        case LEFT -> "---";
      }).append('|');
    }
    return sb.append('\n').toString();
  }

  /** An attribute value, quoted (with {@code \"} and {@code \\}) unless it is plain. */
  static String quote(String value) {
    boolean plain = !value.isEmpty() && value.chars().allMatch(ch -> ch < 128
        && (Character.isLetterOrDigit(ch) || "._-@:/%+".indexOf(ch) >= 0));
    return plain ? value : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String number(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  /** Text of a heading or paragraph: punctuation escaped, edge white space as references. */
  static String escapeText(String s, boolean edges) {
    return escapeInline(s, edges, edges);
  }

  static String escapeInline(String s, boolean leading, boolean trailing) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    int n = s.length();
    int lead = 0;
    while (leading && lead < n && (s.charAt(lead) == ' ' || s.charAt(lead) == '\t')) {
      lead++;
    }
    int trail = n;
    while (trailing && trail > lead && (s.charAt(trail - 1) == ' ' || s.charAt(trail - 1) == '\t')) {
      trail--;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\t' || ((i < lead || i >= trail) && c == ' ')) {
        sb.append(c == '\t' ? "&#9;" : "&#32;");
      } else if (c < 128 && isAsciiPunctuation(c)) {
        sb.append('\\').append(c);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isAsciiPunctuation(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`')
        || (c >= '{' && c <= '~');
  }
}

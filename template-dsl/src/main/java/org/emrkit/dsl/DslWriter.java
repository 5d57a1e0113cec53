package org.emrkit.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.emrkit.template.Block;
import org.emrkit.template.BlockVisitor;
import org.emrkit.template.Cell;
import org.emrkit.template.Concept;
import org.emrkit.template.Conditional;
import org.emrkit.template.Field;
import org.emrkit.template.FieldAttribute;
import org.emrkit.template.Inline;
import org.emrkit.template.LineBreak;
import org.emrkit.template.Orientation;
import org.emrkit.template.PageNumber;
import org.emrkit.template.PageSetup;
import org.emrkit.template.Paper;
import org.emrkit.template.Paragraph;
import org.emrkit.template.RepeatGroup;
import org.emrkit.template.Section;
import org.emrkit.template.Table;
import org.emrkit.template.Template;
import org.emrkit.template.Text;
import org.emrkit.template.TextStyle;
import org.emrkit.template.ValueSet;

/**
 * Writes one template as EMR Markdown for {@link TemplateDecompiler}: front matter, value sets,
 * page areas, blocks, and tables nested in cells as named tables at the end. Single use.
 */
final class DslWriter implements BlockVisitor<Void> {
  private final StringBuilder out = new StringBuilder();
  private final List<Table> named = new ArrayList<>();
  private int level = 1;

  String template(Template t) {
    frontMatter(t);
    if (t.heading() != null) {
      out.append("# ").append(TemplateDecompiler.escapeText(t.heading(), true)).append("\n\n");
    }
    for (ValueSet v : t.valueSets()) {
      out.append("```valueset ").append(v.id());
      if (v.system() != null) {
        out.append(" system=").append(v.system());
      }
      out.append('\n');
      for (Concept c : v.concepts()) {
        out.append(c.code()).append(' ').append(c.display()).append('\n');
      }
      out.append("```\n\n");
    }
    area("page-header", t.pageHeader());
    area("page-footer", t.pageFooter());
    blocks(t.blocks());
    for (int i = 0; i < named.size(); i++) {
      Table table = named.get(i);
      out.append("::: table #").append(table.id()).append('\n');
      tableBody(table, false);
      out.append(":::\n\n");
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == '\n') {
      end--;
    }
    out.setLength(end);
    return out.append('\n').toString();
  }

  private void frontMatter(Template t) {
    out.append("---\n");
    entry("id", t.id());
    entry("version", t.version());
    entry("title", t.title());
    entry("documentType", t.documentType());
    entry("department", t.department());
    if (!"zh-CN".equals(t.locale())) {
      entry("locale", t.locale());
    }
    PageSetup p = t.page();
    if (p.paper() != Paper.A4) {
      entry("paper", p.paper().label());
    }
    if (p.orientation() != Orientation.PORTRAIT) {
      entry("orientation", p.orientation().label());
    }
    PageSetup d = PageSetup.DEFAULT;
    if (p.marginTopMm() != d.marginTopMm() || p.marginRightMm() != d.marginRightMm()
        || p.marginBottomMm() != d.marginBottomMm() || p.marginLeftMm() != d.marginLeftMm()) {
      entry("margins", TemplateDecompiler.number(p.marginTopMm()) + " " + TemplateDecompiler.number(p.marginRightMm()) + " "
          + TemplateDecompiler.number(p.marginBottomMm()) + " " + TemplateDecompiler.number(p.marginLeftMm()));
    }
    for (Map.Entry<String, String> m : t.metadata().entrySet()) {
      entry(m.getKey(), m.getValue());
    }
    out.append("---\n\n");
  }

  private void entry(String key, String value) {
    if (value == null) {
      return;
    }
    boolean plain = !value.isEmpty() && value.equals(value.strip()) && !value.contains(" #")
        && !value.contains("\t#") && "\"'#".indexOf(value.charAt(0)) < 0;
    out.append(key).append(": ").append(plain ? value
        : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").append('\n');
  }

  private void area(String kind, List<Block> blocks) {
    if (blocks.isEmpty()) {
      return;
    }
    String fence = ":".repeat(3 + depth(blocks));
    out.append(fence).append(' ').append(kind).append('\n');
    blocks(blocks);
    trimBlank();
    out.append(fence).append("\n\n");
  }

  private void blocks(List<Block> blocks) {
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      b.accept(this);
      // content after a section (or a run-in after one) would read as the section's own
      if (b instanceof Section s && !s.runIn() && i + 1 < blocks.size()
          && (!(blocks.get(i + 1) instanceof Section next) || next.runIn())) {
        out.append("{/#").append(s.id()).append("}\n\n");
      }
    }
  }

  /** Leaves one newline at the end (for a closing fence right after content). */
  private void trimBlank() {
    while (out.length() > 1 && out.charAt(out.length() - 1) == '\n'
        && out.charAt(out.length() - 2) == '\n') {
      out.setLength(out.length() - 1);
    }
  }

  @Override
  public Void visitSection(Section s) {
    if (s.runIn()) {
      String text = inlines(((Paragraph) s.children().get(0)).inlines(), false);
      out.append(TemplateDecompiler.runIn(s)).append(text.startsWith("：") ? "&#65306;"
          + text.substring(1) : text).append("\n\n");
      return null;
    }
    level++;
    out.append(TemplateDecompiler.heading(s, level)).append("\n\n");
    blocks(s.children());
    level--;
    return null;
  }

  @Override
  public Void visitParagraph(Paragraph p) {
    out.append(inlines(p.inlines(), false)).append("\n\n");
    return null;
  }

  @Override
  public Void visitTable(Table t) {
    tableBody(t, true);
    out.append('\n');
    return null;
  }

  @Override
  public Void visitRepeatGroup(RepeatGroup g) {
    String fence = ":".repeat(3 + depth(g.children()));
    out.append(fence).append(' ').append(TemplateDecompiler.repeatHeader(g)).append('\n');
    blocks(g.children());
    trimBlank();
    out.append(fence).append("\n\n");
    return null;
  }

  @Override
  public Void visitConditional(Conditional c) {
    String fence = ":".repeat(3 + depth(c.children()));
    out.append(fence).append(" if ").append(c.condition().source()).append('\n');
    blocks(c.children());
    trimBlank();
    out.append(fence).append("\n\n");
    return null;
  }

  private void tableBody(Table t, boolean withId) {
    String delimiter = TemplateDecompiler.delimiterRow(t);
    if (t.headerRows() == 0) {
      out.append(delimiter);
    }
    for (int r = 0; r < t.rows(); r++) {
      out.append('|');
      for (int c = 0; c < t.columns(); c++) {
        Cell cell = t.cellAt(r, c);
        String text;
        if (cell.row() == r && cell.column() == c) {
          text = cellContent(cell.content());
        } else {
          text = cell.row() == r ? "<" : "^";
        }
        out.append(' ').append(text).append(" |");
      }
      out.append('\n');
      if (r == t.headerRows() - 1) {
        out.append(delimiter);
      }
    }
    String attrs = TemplateDecompiler.tableAttributes(t, withId);
    if (!attrs.isEmpty()) {
      out.append(attrs).append('\n');
    }
  }

  private String cellContent(List<Block> content) {
    StringBuilder sb = new StringBuilder();
    boolean lastParagraph = false;
    for (Block b : content) {
      if (b instanceof Paragraph p) {
        if (lastParagraph) {
          sb.append("<p>");
        }
        sb.append(inlines(p.inlines(), true));
        lastParagraph = true;
      } else if (b instanceof Table t) {
        sb.append("{{> ").append(t.id()).append("}}");
        named.add(t);
        lastParagraph = false;
      }
    }
    return sb.toString();
  }

  private String inlines(List<Inline> inlines, boolean inCell) {
    StringBuilder sb = new StringBuilder();
    char lastDelimiter = 0;
    for (int i = 0; i < inlines.size(); i++) {
      Inline in = inlines.get(i);
      boolean first = i == 0;
      boolean last = i == inlines.size() - 1;
      if (in instanceof Text t) {
        lastDelimiter = text(sb, t, first, last, lastDelimiter);
        continue;
      }
      lastDelimiter = 0;
      if (in instanceof Field f) {
        sb.append(field(f));
      } else if (in instanceof LineBreak) {
        sb.append("<br>");
      } else if (in instanceof PageNumber p) {
        sb.append(p.kind() == PageNumber.Kind.PAGE ? "{{= page}}" : "{{= pages}}");
      }
    }
    return sb.toString();
  }

  /** Writes a text run; returns the Markdown delimiter character it used, or 0. */
  private char text(StringBuilder sb, Text t, boolean first, boolean last, char lastDelimiter) {
    String escaped = TemplateDecompiler.escapeInline(t.text(), first, last);
    if (t.styles().isEmpty()) {
      sb.append(escaped);
      return 0;
    }
    if (t.styles().size() == 1) {
      TextStyle style = t.styles().iterator().next();
      String d = switch (style) {
        case BOLD -> "**";
        case ITALIC -> "*";
        case SUPERSCRIPT -> "^";
        case SUBSCRIPT -> "~";
      };
      String s = t.text();
      boolean safe = Character.isLetterOrDigit(s.codePointAt(0))
          && Character.isLetterOrDigit(s.codePointBefore(s.length()))
          && d.charAt(0) != lastDelimiter;
      if (safe) {
        sb.append(d).append(escaped).append(d);
        return d.charAt(0);
      }
    }
    List<String> tags = new ArrayList<>();
    if (t.has(TextStyle.BOLD)) {
      tags.add("b");
    }
    if (t.has(TextStyle.ITALIC)) {
      tags.add("i");
    }
    if (t.has(TextStyle.SUPERSCRIPT)) {
      tags.add("sup");
    }
    if (t.has(TextStyle.SUBSCRIPT)) {
      tags.add("sub");
    }
    tags.forEach(tag -> sb.append('<').append(tag).append('>'));
    sb.append(escaped);
    for (int i = tags.size() - 1; i >= 0; i--) {
      sb.append("</").append(tags.get(i)).append('>');
    }
    return 0;
  }

  static String field(Field f) {
    StringBuilder sb = new StringBuilder("{{").append(f.name()).append(": ")
        .append(f.type().label());
    for (FieldAttribute a : f.attributes()) {
      sb.append(' ').append(a.dslName());
      String v = switch (a) {
        case LABEL -> f.label();
        case PLACEHOLDER -> f.placeholder();
        case REQUIRED, READONLY -> null;
        case DEFAULT -> f.defaultValue();
        case DE -> f.dataElement();
        case WHEN -> f.when().source();
        case HELP -> f.help();
        case MIN_LENGTH -> String.valueOf(f.minLength());
        case MAX_LENGTH -> String.valueOf(f.maxLength());
        case PATTERN -> f.pattern();
        case MIN -> f.min().source();
        case MAX -> f.max().source();
        case UNIT -> f.unit();
        case PRECISION -> String.valueOf(f.precision());
        case OPTIONS -> String.join("|", f.options());
        case VALUESET -> "@" + f.valueSet().id();
        case SYSTEM -> f.system();
        case ROLE -> f.role();
        case EXPR -> f.expr().source();
        case SOURCE -> f.source();
      };
      if (v != null) {
        sb.append('=').append(TemplateDecompiler.quote(v));
      }
    }
    return sb.append("}}").toString();
  }

  private static int depth(List<Block> blocks) {
    int d = 0;
    for (Block b : blocks) {
      if (b instanceof RepeatGroup g) {
        d = Math.max(d, 1 + depth(g.children()));
      } else if (b instanceof Conditional c) {
        d = Math.max(d, 1 + depth(c.children()));
      }
    }
    return d;
  }
}

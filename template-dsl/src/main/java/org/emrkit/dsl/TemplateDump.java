package org.emrkit.dsl;

import java.util.List;
import java.util.Locale;
import org.emrkit.template.Block;
import org.emrkit.template.BlockVisitor;
import org.emrkit.template.Cell;
import org.emrkit.template.Concept;
import org.emrkit.template.Conditional;
import org.emrkit.template.Field;
import org.emrkit.template.Inline;
import org.emrkit.template.LineBreak;
import org.emrkit.template.PageNumber;
import org.emrkit.template.PageSetup;
import org.emrkit.template.Paragraph;
import org.emrkit.template.RepeatGroup;
import org.emrkit.template.Section;
import org.emrkit.template.Table;
import org.emrkit.template.Template;
import org.emrkit.template.Text;
import org.emrkit.template.TextStyle;
import org.emrkit.template.ValueSet;

/**
 * A readable, stable, indented dump of a template's model, one node per line; used by the
 * specification examples in docs/template-dsl.md and handy when a template does not do what its
 * author expected. Stateless and thread-safe.
 */
public final class TemplateDump {

  private TemplateDump() {}

  /** The dump, ending in a newline. */
  public static String dump(Template t) {
    StringBuilder sb = new StringBuilder();
    sb.append("template ").append(t.reference()).append(' ').append(q(t.title()));
    if (t.heading() != null) {
      sb.append(" heading=").append(q(t.heading()));
    }
    if (t.documentType() != null) {
      sb.append(" type=").append(t.documentType());
    }
    if (t.department() != null) {
      sb.append(" department=").append(q(t.department()));
    }
    if (!"zh-CN".equals(t.locale())) {
      sb.append(" locale=").append(t.locale());
    }
    sb.append('\n');
    if (!t.page().equals(PageSetup.DEFAULT)) {
      PageSetup p = t.page();
      sb.append("  page ").append(p.paper().label()).append(' ').append(p.orientation().label())
          .append(" margins ").append(TemplateDecompiler.number(p.marginTopMm())).append(' ')
          .append(TemplateDecompiler.number(p.marginRightMm())).append(' ')
          .append(TemplateDecompiler.number(p.marginBottomMm())).append(' ')
          .append(TemplateDecompiler.number(p.marginLeftMm())).append('\n');
    }
    t.metadata().forEach((k, v) -> sb.append("  meta ").append(k).append('=').append(q(v))
        .append('\n'));
    for (ValueSet v : t.valueSets()) {
      sb.append("  valueset ").append(v.id());
      if (v.system() != null) {
        sb.append(" system=").append(v.system());
      }
      for (Concept c : v.concepts()) {
        sb.append(' ').append(c.code()).append('=').append(c.display());
      }
      sb.append('\n');
    }
    area(sb, "page-header", t.pageHeader());
    area(sb, "page-footer", t.pageFooter());
    blocks(sb, t.blocks(), "  ");
    return sb.toString();
  }

  private static void area(StringBuilder sb, String name, List<Block> blocks) {
    if (!blocks.isEmpty()) {
      sb.append("  ").append(name).append('\n');
      blocks(sb, blocks, "    ");
    }
  }

  private static void blocks(StringBuilder sb, List<Block> blocks, String indent) {
    Dumper d = new Dumper(sb, indent);
    for (Block b : blocks) {
      b.accept(d);
    }
  }

  /** Writes one block at an indent, its content one level deeper. */
  private static final class Dumper implements BlockVisitor<Void> {
    private final StringBuilder sb;
    private final String indent;

    Dumper(StringBuilder sb, String indent) {
      this.sb = sb;
      this.indent = indent;
    }

    @Override
    public Void visitSection(Section s) {
      sb.append(indent).append(s.runIn() ? "run-in #" : "section #").append(s.id()).append(' ')
          .append(q(s.title()));
      if (s.required()) {
        sb.append(" required");
      }
      if (s.dataElement() != null) {
        sb.append(" de=").append(s.dataElement());
      }
      if (s.code() != null) {
        sb.append(" code=").append(s.code());
      }
      if (s.when() != null) {
        sb.append(" when=").append(q(s.when().source()));
      }
      if (s.newPage()) {
        sb.append(" newPage");
      }
      sb.append('\n');
      blocks(sb, s.children(), indent + "  ");
      return null;
    }

    @Override
    public Void visitParagraph(Paragraph p) {
      sb.append(indent).append("paragraph\n");
      for (Inline i : p.inlines()) {
        sb.append(indent).append("  ").append(inline(i)).append('\n');
      }
      return null;
    }

    @Override
    public Void visitTable(Table t) {
      sb.append(indent).append("table");
      if (t.id() != null) {
        sb.append(" #").append(t.id());
      }
      sb.append(' ').append(t.rows()).append('x').append(t.columns());
      if (t.headerRows() > 0) {
        sb.append(" header=").append(t.headerRows());
      }
      if (t.widths().stream().anyMatch(w -> w != 1.0)) {
        sb.append(" widths=");
        for (int i = 0; i < t.widths().size(); i++) {
          sb.append(i == 0 ? "" : ",").append(TemplateDecompiler.number(t.widths().get(i)));
        }
      }
      if (t.repeating()) {
        sb.append(" repeat minRows=").append(t.minRows());
        if (t.maxRows() != null) {
          sb.append(" maxRows=").append(t.maxRows());
        }
      }
      TemplateDecompiler.styleAttributes(t.style()).forEach(a -> sb.append(' ').append(a));
      if (!t.style().align().isEmpty()) {
        sb.append(" align=");
        for (int c = 0; c < t.columns(); c++) {
          sb.append(c == 0 ? "" : ",").append(t.style().align(c).label());
        }
      }
      sb.append('\n');
      for (Cell c : t.cells()) {
        sb.append(indent).append("  cell ").append(c.row()).append(',').append(c.column());
        if (c.isMerged()) {
          sb.append(" span ").append(c.rowSpan()).append('x').append(c.colSpan());
        }
        sb.append('\n');
        blocks(sb, c.content(), indent + "    ");
      }
      return null;
    }

    @Override
    public Void visitRepeatGroup(RepeatGroup g) {
      sb.append(indent).append("repeat #").append(g.id()).append(" min=").append(g.min());
      if (g.max() != null) {
        sb.append(" max=").append(g.max());
      }
      if (g.label() != null) {
        sb.append(" label=").append(q(g.label()));
      }
      sb.append('\n');
      blocks(sb, g.children(), indent + "  ");
      return null;
    }

    @Override
    public Void visitConditional(Conditional c) {
      sb.append(indent).append("if ").append(q(c.condition().source())).append('\n');
      blocks(sb, c.children(), indent + "  ");
      return null;
    }
  }

  private static String inline(Inline i) {
    if (i instanceof Text t) {
      StringBuilder sb = new StringBuilder("text ").append(q(t.text()));
      for (TextStyle s : TextStyle.values()) {
        if (t.has(s)) {
          sb.append(' ').append(s.name().toLowerCase(Locale.ROOT));
        }
      }
      return sb.toString();
    } else if (i instanceof Field f) {
      String w = TemplateDecompiler.field(f);
      return "field " + w.substring(2, w.length() - 2);
    } else if (i instanceof LineBreak) {
      return "break";
    } else if (i instanceof PageNumber p) {
      return p.kind() == PageNumber.Kind.PAGE ? "page-number" : "page-count";
    }
    throw new IllegalStateException("unknown inline " + i);
  }

  private static String q(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}

package org.emrkit.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.emrkit.template.Block;
import org.emrkit.template.BlockVisitor;
import org.emrkit.template.Cell;
import org.emrkit.template.Concept;
import org.emrkit.template.Conditional;
import org.emrkit.template.Field;
import org.emrkit.template.Inline;
import org.emrkit.template.InlineVisitor;
import org.emrkit.template.LineBreak;
import org.emrkit.template.PageNumber;
import org.emrkit.template.Paragraph;
import org.emrkit.template.RepeatGroup;
import org.emrkit.template.Section;
import org.emrkit.template.Table;
import org.emrkit.template.Template;
import org.emrkit.template.Text;
import org.emrkit.template.TextStyle;
import org.emrkit.template.ValueSet;

/**
 * Writes templates as their JSON tree, format {@code emrkit-template/1} (package-private):
 * one fixed member order, members at their default left out. {@link TemplateTreeReader} reads
 * them back.
 */
final class TemplateTree {

  static final String FORMAT = "emrkit-template/1";

  private TemplateTree() {}

  // ---------------------------------------------------------------- writing

  static ObjectNode write(Template t) {
    ObjectNode o = Json.NODES.objectNode();
    o.put("format", FORMAT);
    o.put("id", t.id());
    o.put("version", t.version());
    o.put("title", t.title());
    putIf(o, "heading", t.heading());
    putIf(o, "documentType", t.documentType());
    putIf(o, "department", t.department());
    o.put("locale", t.locale());
    ObjectNode page = o.putObject("page");
    page.put("paper", t.page().paper().label());
    page.put("orientation", t.page().orientation().label());
    ObjectNode margins = page.putObject("margins");
    margins.put("top", t.page().marginTopMm());
    margins.put("right", t.page().marginRightMm());
    margins.put("bottom", t.page().marginBottomMm());
    margins.put("left", t.page().marginLeftMm());
    if (!t.metadata().isEmpty()) {
      ObjectNode meta = o.putObject("metadata");
      t.metadata().forEach(meta::put);
    }
    if (!t.valueSets().isEmpty()) {
      ArrayNode sets = o.putArray("valueSets");
      for (ValueSet v : t.valueSets()) {
        ObjectNode s = sets.addObject();
        s.put("id", v.id());
        putIf(s, "system", v.system());
        ArrayNode concepts = s.putArray("concepts");
        for (Concept c : v.concepts()) {
          concepts.addObject().put("code", c.code()).put("display", c.display());
        }
      }
    }
    if (!t.pageHeader().isEmpty()) {
      o.set("pageHeader", blocks(t.pageHeader()));
    }
    if (!t.pageFooter().isEmpty()) {
      o.set("pageFooter", blocks(t.pageFooter()));
    }
    o.set("blocks", blocks(t.blocks()));
    return o;
  }

  private static ArrayNode blocks(List<Block> blocks) {
    ArrayNode a = Json.NODES.arrayNode();
    for (Block b : blocks) {
      a.add(b.accept(BLOCK_WRITER));
    }
    return a;
  }

  /** A table's style, only what differs from the default. */
  private static ObjectNode style(org.emrkit.template.TableStyle s) {
    ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    if (s.borderless()) {
      o.put("borderless", true);
    }
    if (s.boldHeader()) {
      o.put("boldHeader", true);
    }
    if (s.fontSize() != null) {
      o.put("fontSize", s.fontSize());
    }
    if (!s.align().isEmpty()) {
      ArrayNode a = o.putArray("align");
      s.align().forEach(x -> a.add(x.label()));
    }
    return o;
  }

  private static final BlockVisitor<ObjectNode> BLOCK_WRITER = new BlockVisitor<>() {
    @Override
    public ObjectNode visitSection(Section s) {
      ObjectNode o = kind("section");
      o.put("id", s.id());
      o.put("title", s.title());
      if (s.required()) {
        o.put("required", true);
      }
      putIf(o, "de", s.dataElement());
      putIf(o, "code", s.code());
      if (s.when() != null) {
        o.put("when", s.when().source());
      }
      if (s.runIn()) {
        o.put("runIn", true);
      }
      if (s.newPage()) {
        o.put("newPage", true);
      }
      o.set("children", blocks(s.children()));
      return o;
    }

    @Override
    public ObjectNode visitParagraph(Paragraph p) {
      ObjectNode o = kind("paragraph");
      ArrayNode inlines = o.putArray("inlines");
      for (Inline i : p.inlines()) {
        inlines.add(i.accept(INLINE_WRITER));
      }
      return o;
    }

    @Override
    public ObjectNode visitTable(Table t) {
      ObjectNode o = kind("table");
      putIf(o, "id", t.id());
      o.put("rows", t.rows());
      o.put("columns", t.columns());
      ArrayNode widths = o.putArray("widths");
      t.widths().forEach(widths::add);
      o.put("headerRows", t.headerRows());
      if (t.repeating()) {
        o.put("repeating", true);
        o.put("minRows", t.minRows());
        if (t.maxRows() != null) {
          o.put("maxRows", t.maxRows());
        }
      }
      if (!t.style().isDefault()) {
        o.set("style", style(t.style()));
      }
      ArrayNode cells = o.putArray("cells");
      for (Cell c : t.cells()) {
        ObjectNode cell = cells.addObject();
        cell.put("row", c.row());
        cell.put("column", c.column());
        cell.put("rowSpan", c.rowSpan());
        cell.put("colSpan", c.colSpan());
        cell.set("content", blocks(c.content()));
      }
      return o;
    }

    @Override
    public ObjectNode visitRepeatGroup(RepeatGroup g) {
      ObjectNode o = kind("repeat");
      o.put("id", g.id());
      putIf(o, "label", g.label());
      o.put("min", g.min());
      if (g.max() != null) {
        o.put("max", g.max());
      }
      o.set("children", blocks(g.children()));
      return o;
    }

    @Override
    public ObjectNode visitConditional(Conditional c) {
      ObjectNode o = kind("if");
      o.put("condition", c.condition().source());
      o.set("children", blocks(c.children()));
      return o;
    }
  };

  private static final InlineVisitor<ObjectNode> INLINE_WRITER = new InlineVisitor<>() {
    @Override
    public ObjectNode visitText(Text t) {
      ObjectNode o = kind("text");
      o.put("text", t.text());
      if (!t.styles().isEmpty()) {
        ArrayNode styles = o.putArray("styles");
        for (TextStyle s : TextStyle.values()) {
          if (t.has(s)) {
            styles.add(s.name().toLowerCase(Locale.ROOT));
          }
        }
      }
      return o;
    }

    @Override
    public ObjectNode visitField(Field f) {
      ObjectNode o = kind("field");
      o.put("name", f.name());
      o.put("type", f.type().label());
      putIf(o, "label", f.label());
      putIf(o, "placeholder", f.placeholder());
      if (f.required()) {
        o.put("required", true);
      }
      if (f.readonly()) {
        o.put("readonly", true);
      }
      putIf(o, "default", f.defaultValue());
      putIf(o, "de", f.dataElement());
      putIf(o, "when", f.when() == null ? null : f.when().source());
      putIf(o, "help", f.help());
      if (f.minLength() != null) {
        o.put("minLength", f.minLength());
      }
      if (f.maxLength() != null) {
        o.put("maxLength", f.maxLength());
      }
      putIf(o, "pattern", f.pattern());
      putIf(o, "min", f.min() == null ? null : f.min().source());
      putIf(o, "max", f.max() == null ? null : f.max().source());
      putIf(o, "unit", f.unit());
      if (f.precision() != null) {
        o.put("precision", f.precision());
      }
      if (!f.options().isEmpty()) {
        ArrayNode options = o.putArray("options");
        f.options().forEach(options::add);
      }
      putIf(o, "valueset", f.valueSet() == null ? null : f.valueSet().id());
      putIf(o, "system", f.system());
      putIf(o, "role", f.role());
      putIf(o, "expr", f.expr() == null ? null : f.expr().source());
      putIf(o, "source", f.source());
      return o;
    }

    @Override
    public ObjectNode visitLineBreak(LineBreak lineBreak) {
      return kind("lineBreak");
    }

    @Override
    public ObjectNode visitPageNumber(PageNumber p) {
      return kind(p.kind() == PageNumber.Kind.PAGE ? "page" : "pages");
    }
  };

  private static ObjectNode kind(String kind) {
    ObjectNode o = Json.NODES.objectNode();
    o.put("kind", kind);
    return o;
  }

  private static void putIf(ObjectNode o, String name, String value) {
    if (value != null) {
      o.put(name, value);
    }
  }
}

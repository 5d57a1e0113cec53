package org.emrkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.emrkit.template.Block;
import org.emrkit.template.Bound;
import org.emrkit.template.Cell;
import org.emrkit.template.Concept;
import org.emrkit.template.Conditional;
import org.emrkit.template.Expression;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
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
import org.emrkit.template.TemplateException;
import org.emrkit.template.Text;
import org.emrkit.template.TextStyle;
import org.emrkit.template.ValueSet;
import org.emrkit.template.ValueSetRef;

/**
 * Reads templates from their JSON tree, format {@code emrkit-template/1} (package-private). It
 * assumes the tree passed the template schema and reports model-level refusals at the JSON
 * pointer of the object that was refused.
 */
final class TemplateTreeReader {

  private static final org.emrkit.expr.ExpressionEngine ENGINE =
      org.emrkit.expr.ExpressionEngine.create();

  /** A model refusal with the pointer of the JSON object it came from. */
  static final class Located extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String pointer;

    Located(String pointer, IllegalArgumentException cause) {
      super(cause.getMessage(), cause);
      this.pointer = pointer;
    }
  }

  private TemplateTreeReader() {}

  /** Reads a template from a schema-valid tree at {@code base}; throws {@link Located}. */
  static Template read(JsonNode o, String base) {
    PageSetup page = PageSetup.DEFAULT;
    JsonNode p = o.get("page");
    if (p != null) {
      page = located(Json.ptr(base, "page"), () -> {
        JsonNode m = p.path("margins");
        return new PageSetup(Paper.fromLabel(p.path("paper").asText("A4")),
            Orientation.fromLabel(p.path("orientation").asText("portrait")),
            m.path("top").asDouble(PageSetup.DEFAULT.marginTopMm()),
            m.path("right").asDouble(PageSetup.DEFAULT.marginRightMm()),
            m.path("bottom").asDouble(PageSetup.DEFAULT.marginBottomMm()),
            m.path("left").asDouble(PageSetup.DEFAULT.marginLeftMm()));
      });
    }
    Map<String, String> meta = new LinkedHashMap<>();
    o.path("metadata").properties().forEach(e -> meta.put(e.getKey(), e.getValue().asText()));
    List<ValueSet> sets = new ArrayList<>();
    JsonNode vs = o.path("valueSets");
    for (int i = 0; i < vs.size(); i++) {
      JsonNode v = vs.get(i);
      sets.add(located(Json.ptr(Json.ptr(base, "valueSets"), i), () -> {
        List<Concept> concepts = new ArrayList<>();
        for (JsonNode c : v.path("concepts")) {
          concepts.add(new Concept(c.path("code").asText(), c.path("display").asText()));
        }
        return new ValueSet(v.path("id").asText(), text(v, "system"), concepts);
      }));
    }
    List<Block> header = blocks(o.path("pageHeader"), Json.ptr(base, "pageHeader"));
    List<Block> footer = blocks(o.path("pageFooter"), Json.ptr(base, "pageFooter"));
    List<Block> blocks = blocks(o.path("blocks"), Json.ptr(base, "blocks"));
    PageSetup finalPage = page;
    try {
      return new Template(o.path("id").asText(), o.path("version").asText(),
          o.path("title").asText(), text(o, "heading"), text(o, "documentType"),
          text(o, "department"), text(o, "locale"), finalPage, meta, sets, header, footer, blocks);
    } catch (TemplateException e) {
      throw new Located(base + e.location(), e);
    } catch (IllegalArgumentException e) {
      throw new Located(base, e);
    }
  }

  private static List<Block> blocks(JsonNode array, String base) {
    List<Block> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      out.add(block(array.get(i), Json.ptr(base, i)));
    }
    return out;
  }

  private static Block block(JsonNode o, String at) {
    String kind = o.path("kind").asText();
    switch (kind) {
      case "section": {
        List<Block> children = blocks(o.path("children"), Json.ptr(at, "children"));
        return located(at, () -> new Section(o.path("id").asText(), o.path("title").asText(),
            o.path("required").asBoolean(false), text(o, "de"), text(o, "code"),
            expression(o, "when"), children, o.path("runIn").asBoolean(false),
            o.path("newPage").asBoolean(false)));
      }
      case "paragraph": {
        List<Inline> inlines = new ArrayList<>();
        JsonNode a = o.path("inlines");
        for (int i = 0; i < a.size(); i++) {
          inlines.add(inline(a.get(i), Json.ptr(Json.ptr(at, "inlines"), i)));
        }
        return located(at, () -> new Paragraph(inlines));
      }
      case "table":
        return table(o, at);
      case "repeat": {
        List<Block> children = blocks(o.path("children"), Json.ptr(at, "children"));
        return located(at, () -> new RepeatGroup(o.path("id").asText(), text(o, "label"),
            o.path("min").asInt(0), integer(o, "max"), children));
      }
      case "if": {
        List<Block> children = blocks(o.path("children"), Json.ptr(at, "children"));
        return located(at, () -> new Conditional(checked(o.path("condition").asText()),
            children));
      }
      default:
        throw new Located(Json.ptr(at, "kind"),
            new IllegalArgumentException("unknown block kind \"" + kind + "\""));
    }
  }

  private static Table table(JsonNode o, String at) {
    List<Cell> cells = new ArrayList<>();
    JsonNode a = o.path("cells");
    for (int i = 0; i < a.size(); i++) {
      JsonNode c = a.get(i);
      String cellAt = Json.ptr(Json.ptr(at, "cells"), i);
      List<Block> content = blocks(c.path("content"), Json.ptr(cellAt, "content"));
      cells.add(located(cellAt, () -> new Cell(c.path("row").asInt(), c.path("column").asInt(),
          c.path("rowSpan").asInt(1), c.path("colSpan").asInt(1), content)));
    }
    List<Double> widths = null;
    if (o.has("widths")) {
      widths = new ArrayList<>();
      for (JsonNode w : o.get("widths")) {
        widths.add(w.asDouble());
      }
    }
    List<Double> finalWidths = widths;
    return located(at, () -> new Table(text(o, "id"), o.path("rows").asInt(),
        o.path("columns").asInt(), finalWidths, o.path("headerRows").asInt(0),
        o.path("repeating").asBoolean(false), o.path("minRows").asInt(0), integer(o, "maxRows"),
        cells, style(o.path("style"))));
  }

  private static org.emrkit.template.TableStyle style(JsonNode s) {
    if (s.isMissingNode()) {
      return null;
    }
    List<org.emrkit.template.TableStyle.Align> align = new ArrayList<>();
    for (JsonNode a : s.path("align")) {
      align.add(org.emrkit.template.TableStyle.Align.fromLabel(a.asText()));
    }
    return new org.emrkit.template.TableStyle(s.path("borderless").asBoolean(false),
        s.path("boldHeader").asBoolean(false), s.has("fontSize") ? s.get("fontSize").asDouble()
        : null, align);
  }

  private static Inline inline(JsonNode o, String at) {
    String kind = o.path("kind").asText();
    switch (kind) {
      case "text": {
        Set<TextStyle> styles = EnumSet.noneOf(TextStyle.class);
        for (JsonNode s : o.path("styles")) {
          styles.add(TextStyle.valueOf(s.asText().toUpperCase(Locale.ROOT)));
        }
        return located(at, () -> new Text(o.path("text").asText(), styles));
      }
      case "field":
        return located(at, () -> field(o));
      case "lineBreak":
        return LineBreak.INSTANCE;
      case "page":
        return PageNumber.page();
      case "pages":
        return PageNumber.pages();
      default:
        throw new Located(Json.ptr(at, "kind"),
            new IllegalArgumentException("unknown inline kind \"" + kind + "\""));
    }
  }

  private static Field field(JsonNode o) {
    FieldType type = FieldType.fromLabel(o.path("type").asText());
    if (type == null) {
      throw new IllegalArgumentException("unknown field type \"" + o.path("type").asText() + "\"");
    }
    List<String> options = new ArrayList<>();
    o.path("options").forEach(n -> options.add(n.asText()));
    String vs = text(o, "valueset");
    return new Field(o.path("name").asText(), type, text(o, "label"), text(o, "placeholder"),
        o.path("required").asBoolean(false), o.path("readonly").asBoolean(false),
        text(o, "default"), text(o, "de"), expression(o, "when"), text(o, "help"),
        integer(o, "minLength"), integer(o, "maxLength"), text(o, "pattern"), bound(o, "min"),
        bound(o, "max"), text(o, "unit"), integer(o, "precision"), options,
        vs == null ? null : new ValueSetRef(vs), text(o, "system"), text(o, "role"),
        expression(o, "expr"), text(o, "source"));
  }

  private static String text(JsonNode o, String name) {
    JsonNode n = o.get(name);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static Integer integer(JsonNode o, String name) {
    JsonNode n = o.get(name);
    return n == null || n.isNull() ? null : n.asInt();
  }

  private static Expression expression(JsonNode o, String name) {
    String s = text(o, name);
    return s == null ? null : checked(s);
  }

  /**
   * An expression the grammar accepts, or an {@link IllegalArgumentException} saying why not:
   * template JSON is held to the same expressions as the DSL ({@code 1 << 40} is refused).
   */
  private static Expression checked(String source) {
    var error = ENGINE.check(source);
    if (error.isPresent()) {
      throw new IllegalArgumentException("expression \"" + (source.length() > 60
          ? source.substring(0, 60) + "…" : source) + "\": " + error.get().message().en());
    }
    return new Expression(source);
  }

  private static Bound bound(JsonNode o, String name) {
    JsonNode n = o.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    return new Bound(n.isNumber() ? n.decimalValue().toPlainString() : n.asText());
  }

  private interface Maker<T> {
    T make();
  }

  private static <T> T located(String at, Maker<T> maker) {
    try {
      return maker.make();
    } catch (IllegalArgumentException e) {
      throw new Located(at, e);
    }
  }
}

package org.emrkit.render.html.internal;

import java.math.BigDecimal;
import java.util.List;
import org.emrkit.expr.Evaluation;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.record.ValueText;
import org.emrkit.record.Values;
import org.emrkit.template.Block;
import org.emrkit.template.BlockVisitor;
import org.emrkit.template.Cell;
import org.emrkit.template.Conditional;
import org.emrkit.template.Expression;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.template.Inline;
import org.emrkit.template.LineBreak;
import org.emrkit.template.PageNumber;
import org.emrkit.template.Paragraph;
import org.emrkit.template.RepeatGroup;
import org.emrkit.template.Section;
import org.emrkit.template.Table;
import org.emrkit.template.Template;
import org.emrkit.template.Text;
import org.emrkit.template.TextStyle;
import org.emrkit.terminology.DataElements;
import org.emrkit.validation.RecordContext;

/**
 * Writes a template's blocks with a record's values, as the printed view or the edit form (the
 * same structure in both, so the form looks like the page). One per rendering; not thread-safe.
 */
public final class BlockWriter implements BlockVisitor<Void> {

  private final Html out;
  private final Template template;
  private final Record record;
  private final RecordContext context;
  private final boolean edit;
  private Values scope;
  private String prefix = "/values";
  private int level = 1;
  private int ids;
  private boolean inTemplateRow;

  public BlockWriter(Html out, Template template, Record record, RecordContext context,
      boolean edit) {
    this.out = out;
    this.template = template;
    this.record = record;
    this.context = context;
    this.edit = edit;
    this.scope = record.values();
  }

  public void blocks(List<Block> blocks) {
    for (Block b : blocks) {
      b.accept(this);
    }
  }

  /** Whether content under {@code when} shows now (always rendered in the edit form). */
  private boolean shows(Expression when) {
    if (when == null) {
      return true;
    }
    Evaluation e = context.evaluate(when, scope);
    return e.failed() || e.isTrue();
  }

  @Override
  public Void visitSection(Section s) {
    boolean shows = shows(s.when());
    if (!shows && !edit) {
      return null;
    }
    level++;
    out.raw("<section class=\"emr-section\"").attr("id", "emr-s-" + s.id());
    whenAttributes(s.when(), shows);
    out.raw(">");
    int h = Math.min(level, 6);
    out.raw("<h" + h + " class=\"emr-section-title\">").text(s.title()).raw("</h" + h + ">");
    String outerTitle = sectionTitle;
    sectionTitle = s.title();
    blocks(s.children());
    sectionTitle = outerTitle;
    out.raw("</section>");
    level--;
    return null;
  }

  private void whenAttributes(Expression when, boolean shows) {
    if (edit && when != null) {
      out.attr("data-emr-when", when.source()).flag("hidden", !shows);
    }
  }

  /** The text inline just before the current one in the paragraph being written, if any. */
  private String textBefore;
  /** Whether the inline being written is the first of its paragraph. */
  private boolean firstInParagraph;
  /** What names the controls of the table cell being written (see {@link #cellLabel}). */
  private String cellLabel;
  /** Whether the inline being written is all its paragraph holds. */
  private boolean aloneInParagraph;
  /** The title of the innermost section being written, or {@code null}. */
  private String sectionTitle;

  @Override
  public Void visitParagraph(Paragraph p) {
    out.raw("<p class=\"emr-p\">");
    textBefore = null;
    firstInParagraph = true;
    aloneInParagraph = p.inlines().size() == 1;
    for (Inline i : p.inlines()) {
      inline(i);
      textBefore = i instanceof Text t ? t.text() : null;
      firstInParagraph = false;
    }
    textBefore = null;
    out.raw("</p>");
    return null;
  }

  private void inline(Inline i) {
    if (i instanceof Text t) {
      StringBuilder close = new StringBuilder();
      if (t.has(TextStyle.BOLD)) {
        out.raw("<strong>");
        close.insert(0, "</strong>");
      }
      if (t.has(TextStyle.ITALIC)) {
        out.raw("<em>");
        close.insert(0, "</em>");
      }
      if (t.has(TextStyle.SUPERSCRIPT)) {
        out.raw("<sup>");
        close.insert(0, "</sup>");
      }
      if (t.has(TextStyle.SUBSCRIPT)) {
        out.raw("<sub>");
        close.insert(0, "</sub>");
      }
      out.text(t.text()).raw(close.toString());
    } else if (i instanceof Field f) {
      field(f);
    } else if (i instanceof LineBreak) {
      out.raw("<br>");
    } else if (i instanceof PageNumber p) {
      out.raw(p.kind() == PageNumber.Kind.PAGE ? "<span class=\"emr-page-number\"></span>"
          : "<span class=\"emr-page-count\"></span>");
    }
  }

  /**
   * A control's accessible name: the template's label, else the text just before it in the
   * paragraph as the clinician sees it ("过敏史：" gives 过敏史), else (for the first control of a
   * table cell) the row label to its left and its column header, else the data element's name,
   * else (for a field alone in its paragraph) the section's title, else the field name.
   */
  private String label(Field f) {
    if (f.label() != null) {
      return f.label();
    }
    if (textBefore != null) {
      String visible = textBefore.replaceAll("[\\s\u3000：:，,（(]+$", "").strip();
      int cut = Math.max(visible.lastIndexOf('\u3000'), Math.max(visible.lastIndexOf('，'),
          visible.lastIndexOf('。')));
      visible = visible.substring(cut + 1).strip();
      if (visible.codePoints().anyMatch(Character::isLetter)) {
        return visible;
      }
    }
    if (cellLabel != null && firstInParagraph) {
      return cellLabel;
    }
    return DataElements.names(f.dataElement()).map(DataElements.Names::zh).orElse(
        aloneInParagraph && cellLabel == null && sectionTitle != null ? sectionTitle : f.name());
  }

  /**
   * What names the controls of a table cell that has no text of its own: the text of the cell to
   * its left (a row label such as 病史陈述者) and, under header rows, the header of its column
   * (体温, or 肌力 左 for both); {@code null} when there is none or the cell has several controls.
   */
  private static String cellLabel(Table t, Cell c) {
    int controls = 0;
    for (Block b : c.content()) {
      if (b instanceof Paragraph p) {
        controls += (int) p.inlines().stream().filter(i -> i instanceof Field).count();
      }
    }
    if (controls != 1) {
      return null; // several controls (血压 sbp / dbp) are better named by their data elements
    }
    String row = null;
    if (c.column() > 0) {
      Cell left = t.cellAt(c.row(), c.column() - 1);
      row = textOnly(left.content());
    }
    // every header row's text over the column, top to bottom (入量 名称, 生命体征 体温℃)
    String column = null;
    Cell previous = null;
    for (int h = 0; h < t.headerRows() && c.row() >= t.headerRows(); h++) {
      Cell head = t.cellAt(h, c.column());
      String text = head == previous ? null : textOnly(head.content());
      previous = head;
      if (text != null) {
        column = column == null ? text : column + " " + text;
      }
    }
    if (row != null && column != null) {
      return row + " " + column;
    }
    return row != null ? row : column;
  }

  /** The text of blocks that hold only text (no fields, no tables), or {@code null}. */
  private static String textOnly(List<Block> blocks) {
    StringBuilder sb = new StringBuilder();
    for (Block b : blocks) {
      if (!(b instanceof Paragraph p)) {
        return null;
      }
      sb.append(' ');
      for (Inline i : p.inlines()) {
        if (i instanceof Text t) {
          sb.append(t.text());
        } else if (i instanceof LineBreak) {
          sb.append(' ');
        } else {
          return null;
        }
      }
    }
    String text = sb.toString().replaceAll("[\\s\u3000：:]+", " ").strip();
    return text.isEmpty() || text.length() > 40 ? null : text;
  }

  private void field(Field f) {
    String path = prefix + "/" + f.name();
    boolean shows = shows(f.when());
    if (!shows && !edit) {
      return;
    }
    if (f.when() != null && edit) {
      out.raw("<span class=\"emr-when\"");
      whenAttributes(f.when(), shows);
      out.raw(">");
    }
    if (edit) {
      control(f, path);
    } else {
      value(f, path);
    }
    if (f.unit() != null) {
      out.raw("<span class=\"emr-unit\">").text(f.unit()).raw("</span>");
    }
    if (f.when() != null && edit) {
      out.raw("</span>");
    }
  }

  private Value valueOf(Field f) {
    return inTemplateRow ? null : scope.get(f.name()).orElse(null);
  }

  private void value(Field f, String path) {
    String text = context.text(f, scope);
    if (text.isEmpty()) {
      out.raw("<span class=\"emr-blank emr-blank-").raw(f.type().label()).raw("\"")
          .attr("data-emr-path", path).raw("></span>");
      return;
    }
    out.raw("<span class=\"emr-value\"").attr("data-emr-path", path).raw(">");
    if (f.type() == FieldType.RICHTEXT) {
      out.raw(RichText.toHtml(text));
    } else {
      out.text(text);
    }
    out.raw("</span>");
  }

  private void control(Field f, String path) {
    String id = "emr-f" + (++ids);
    Value v = valueOf(f);
    String label = label(f);
    switch (f.type()) {
      case MACRO -> {
        String text = context.text(f, scope);
        out.raw("<span class=\"emr-macro\"").attr("data-emr-source", f.source()).raw(">")
            .text(text).raw("</span>");
      }
      case CALC -> out.raw("<output class=\"emr-calc\"").attr("id", id)
          .attr("data-emr-path", path).attr("data-emr-expr", f.expr().source())
          .attr("data-emr-precision", f.precision()).attr("aria-label", label).raw(">")
          .text(context.text(f, scope)).raw("</output>");
      case RICHTEXT -> {
        out.raw("<textarea class=\"emr-control\"");
        common(f, path, id, label);
        out.attr("minlength", f.minLength()).attr("maxlength", f.maxLength()).raw(">");
        out.text(v instanceof Value.Str s ? s.value() : "").raw("</textarea>");
      }
      case CHOICE -> {
        out.raw("<select class=\"emr-control\"");
        common(f, path, id, label);
        // the empty choice: a label keeps it valid HTML without text that looks like a value
        out.raw("><option value=\"\" label=\"—\"></option>");
        String current = v instanceof Value.Str s ? s.value() : null;
        for (String[] o : options(f)) {
          out.raw("<option").attr("value", o[0]).flag("selected", o[0].equals(current)).raw(">")
              .text(o[1]).raw("</option>");
        }
        out.raw("</select>");
      }
      case MULTICHOICE -> {
        List<String> chosen = v instanceof Value.Choices c ? c.values() : List.of();
        out.raw("<span class=\"emr-multi\" role=\"group\"").attr("aria-label", label).raw(">");
        for (String[] o : options(f)) {
          String oid = "emr-f" + (++ids);
          out.raw("<input type=\"checkbox\" class=\"emr-control\"").attr("id", oid)
              .attr("data-emr-path", path).attr("data-emr-type", "multichoice")
              .attr("value", o[0]).flag("checked", chosen.contains(o[0])).raw(">")
              .raw("<label").attr("for", oid).raw(">").text(o[1]).raw("</label>");
        }
        out.raw("</span>");
      }
      case BOOLEAN -> {
        out.raw("<input type=\"checkbox\" class=\"emr-control\"");
        common(f, path, id, null);
        out.flag("checked", v instanceof Value.Bool b && b.value()).raw(">");
        out.raw("<label").attr("for", id).raw(">").text(label).raw("</label>");
      }
      case CODED -> {
        String code = v instanceof Value.Coded c ? c.coding().code() : "";
        String display = v instanceof Value.Coded c && c.coding().display() != null
            ? c.coding().display() : "";
        out.raw("<span class=\"emr-coded\"").attr("data-emr-path", path)
            .attr("data-emr-type", "coded").attr("data-emr-system", f.system()).raw(">");
        out.raw("<input type=\"text\" class=\"emr-code\" data-emr-part=\"code\"").attr("id", id)
            .attr("aria-label", label + " 编码").attr("value", code).flag("required", f.required())
            .raw(">");
        out.raw("<input type=\"text\" class=\"emr-display\" data-emr-part=\"display\"")
            .attr("aria-label", label + " 名称").attr("value", display).raw("></span>");
      }
      case SIGNATURE -> {
        String signed = v instanceof Value.Signed s ? ValueText.of(template, f, v) : "";
        String json = v instanceof Value.Signed s ? "{\"id\":\"" + s.signer().actor().id()
            + "\",\"name\":\"" + s.signer().actor().name() + "\",\"role\":\""
            + s.signer().actor().role().label() + "\",\"at\":\"" + s.signer().at() + "\"}" : null;
        out.raw("<button type=\"button\" class=\"emr-sign\"").attr("id", id)
            .attr("data-emr-path", path).attr("data-emr-type", "signature")
            .attr("data-emr-role", f.role()).attr("data-emr-signature", json)
            .attr("aria-label", label.endsWith("签名") ? label : label + " 签名").raw(">")
            .text(signed.isEmpty() ? "签名" : signed).raw("</button>");
      }
      default -> {
        String type = switch (f.type()) {
          case INTEGER, DECIMAL -> "number";
          case DATE -> "date";
          case DATETIME -> "datetime-local";
          case TIME -> "time";
          default -> "text";
        };
        out.raw("<input class=\"emr-control\"").attr("type", type);
        common(f, path, id, label);
        out.attr("value", inputValue(f, v));
        if (f.type() == FieldType.INTEGER) {
          out.attr("step", "1");
        } else if (f.type() == FieldType.DECIMAL) {
          out.attr("step", f.precision() == null ? "any"
              : BigDecimal.ONE.movePointLeft(f.precision()).toPlainString());
        }
        if (f.min() != null && f.min().number().isPresent()) {
          out.attr("min", f.min().source());
        }
        if (f.max() != null && f.max().number().isPresent()) {
          out.attr("max", f.max().source());
        }
        out.attr("minlength", f.minLength()).attr("maxlength", f.maxLength())
            .attr("pattern", f.pattern()).attr("placeholder", f.placeholder()).raw(">");
      }
    }
  }

  private void common(Field f, String path, String id, String label) {
    out.attr("id", id).attr("name", path).attr("data-emr-path", path)
        .attr("data-emr-type", f.type().label()).flag("required", f.required())
        .flag("readonly", f.readonly()).attr("aria-label", label);
  }

  private static String inputValue(Field f, Value v) {
    if (v == null) {
      return f.defaultValue();
    }
    if (v instanceof Value.Str s) {
      return s.value();
    } else if (v instanceof Value.Num n) {
      return n.value().toPlainString();
    } else if (v instanceof Value.Date d) {
      return d.value().toString();
    } else if (v instanceof Value.DateTime d) {
      return d.value().toLocalDateTime().toString();
    } else if (v instanceof Value.Time t) {
      return t.value().toString();
    }
    return null;
  }

  private List<String[]> options(Field f) {
    if (!f.options().isEmpty()) {
      return f.options().stream().map(o -> new String[] {o, o}).toList();
    }
    if (f.valueSet() != null && !f.valueSet().isHost()) {
      return template.valueSet(f.valueSet().id()).map(vs -> vs.concepts().stream()
          .map(c -> new String[] {c.code(), c.display()}).toList()).orElse(List.of());
    }
    return List.of();
  }

  @Override
  public Void visitTable(Table t) {
    out.raw("<table class=\"emr-table\"").attr("id", t.id() == null ? null : "emr-t-" + t.id())
        .raw("><colgroup>");
    double total = t.widths().stream().mapToDouble(Double::doubleValue).sum();
    for (double w : t.widths()) {
      out.raw("<col").attr("style", "width:" + String.format(java.util.Locale.ROOT, "%.2f",
          100 * w / total) + "%").raw(">");
    }
    out.raw("</colgroup>");
    if (t.headerRows() > 0) {
      out.raw("<thead>");
      for (int r = 0; r < t.headerRows(); r++) {
        row(t, r, "th");
      }
      out.raw("</thead>");
    }
    int bodyEnd = t.repeating() ? t.rows() - 1 : t.rows();
    if (bodyEnd > t.headerRows() || !t.repeating()) {
      out.raw("<tbody>");
      for (int r = t.headerRows(); r < bodyEnd; r++) {
        row(t, r, "td");
      }
      out.raw("</tbody>");
    }
    if (t.repeating()) {
      repeatingRows(t);
    }
    out.raw("</table>");
    return null;
  }

  private void row(Table t, int r, String tag) {
    out.raw("<tr>");
    for (Cell c : t.cellsAnchoredIn(r)) {
      out.raw("<" + tag);
      if (c.rowSpan() > 1) {
        out.attr("rowspan", c.rowSpan());
      }
      if (c.colSpan() > 1) {
        out.attr("colspan", c.colSpan());
      }
      out.raw(">");
      String outer = cellLabel;
      cellLabel = cellLabel(t, c);
      blocks(c.content());
      cellLabel = outer;
      out.raw("</" + tag + ">");
    }
    out.raw("</tr>");
  }

  private void repeatingRows(Table t) {
    List<Values> rows = scope.rows(t.id());
    String path = prefix + "/" + t.id();
    out.raw("<tbody class=\"emr-group emr-rows\"").attr("data-emr-group", t.id())
        .attr("data-emr-path", path).attr("data-emr-min", t.minRows())
        .attr("data-emr-max", t.maxRows()).raw(">");
    Values outer = scope;
    String outerPrefix = prefix;
    for (int i = 0; i < rows.size(); i++) {
      scope = rows.get(i);
      prefix = path + "/" + i;
      templateRow(t, true);
    }
    scope = outer;
    prefix = outerPrefix;
    out.raw("</tbody>");
    if (edit) {
      out.raw("<tbody class=\"emr-group-tail\"><tr><td").attr("colspan", t.columns())
          .raw("><template class=\"emr-row-template\">");
      prefix = path + "/{i}";
      inTemplateRow = true;
      templateRow(t, true);
      inTemplateRow = false;
      prefix = outerPrefix;
      out.raw("</template><button type=\"button\" class=\"emr-add\"")
          .attr("data-emr-for", path).raw(">＋ 添加一行</button></td></tr></tbody>");
    }
  }

  private void templateRow(Table t, boolean removable) {
    out.raw("<tr class=\"emr-row\">");
    List<Cell> cells = t.cellsAnchoredIn(t.rows() - 1);
    for (int k = 0; k < cells.size(); k++) {
      Cell c = cells.get(k);
      out.raw("<td");
      if (c.colSpan() > 1) {
        out.attr("colspan", c.colSpan());
      }
      out.raw(">");
      String outer = cellLabel;
      cellLabel = cellLabel(t, c);
      blocks(c.content());
      cellLabel = outer;
      if (edit && removable && k == cells.size() - 1) {
        out.raw("<button type=\"button\" class=\"emr-remove\" aria-label=\"删除此行\">－</button>");
      }
      out.raw("</td>");
    }
    out.raw("</tr>");
  }

  @Override
  public Void visitRepeatGroup(RepeatGroup g) {
    List<Values> rows = scope.rows(g.id());
    String path = prefix + "/" + g.id();
    out.raw("<div class=\"emr-group\"").attr("data-emr-group", g.id()).attr("data-emr-path", path)
        .attr("data-emr-min", g.min()).attr("data-emr-max", g.max()).raw(">");
    Values outer = scope;
    String outerPrefix = prefix;
    for (int i = 0; i < rows.size(); i++) {
      scope = rows.get(i);
      prefix = path + "/" + i;
      entry(g);
    }
    scope = outer;
    prefix = outerPrefix;
    if (edit) {
      out.raw("<template class=\"emr-row-template\">");
      prefix = path + "/{i}";
      inTemplateRow = true;
      entry(g);
      inTemplateRow = false;
      prefix = outerPrefix;
      out.raw("</template><button type=\"button\" class=\"emr-add\"").attr("data-emr-for", path)
          .raw(">＋ ").text(g.label() == null ? "添加" : "添加" + g.label()).raw("</button>");
    }
    out.raw("</div>");
    return null;
  }

  private void entry(RepeatGroup g) {
    out.raw("<div class=\"emr-row\">");
    blocks(g.children());
    if (edit) {
      out.raw("<button type=\"button\" class=\"emr-remove\" aria-label=\"删除此条\">－</button>");
    }
    out.raw("</div>");
  }

  @Override
  public Void visitConditional(Conditional c) {
    boolean shows = shows(c.condition());
    if (!shows && !edit) {
      return null;
    }
    out.raw("<div class=\"emr-if\"");
    whenAttributes(c.condition(), shows);
    out.raw(">");
    blocks(c.children());
    out.raw("</div>");
    return null;
  }
}

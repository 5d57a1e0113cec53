package org.emrkit.render.html.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.emrkit.render.BannerItem;
import org.emrkit.render.CellView;
import org.emrkit.render.ConditionalView;
import org.emrkit.render.EntryView;
import org.emrkit.render.FieldView;
import org.emrkit.render.GroupView;
import org.emrkit.render.ParagraphView;
import org.emrkit.render.RowView;
import org.emrkit.render.Run;
import org.emrkit.render.SectionView;
import org.emrkit.render.TableView;
import org.emrkit.render.WalkTarget;
import org.emrkit.template.Expression;
import org.emrkit.template.FieldType;
import org.emrkit.template.PageNumber;
import org.emrkit.template.Table;
import org.emrkit.template.Text;
import org.emrkit.template.TextStyle;

/**
 * Writes what the walk resolves as HTML, the printed view or the edit form (the same structure
 * in both, so the form looks like the page); form controls are written by {@link Controls}.
 * One per rendering; not thread-safe.
 */
public final class HtmlTarget implements WalkTarget {

  private final Html out;
  private final boolean edit;
  private final Controls controls;
  private final org.emrkit.template.PageSetup page;
  /**
   * The column group of each of the template's tables, at the top of the flow or nested, made
   * at its first rendering: a table's column widths measure its template text, the same every
   * time (a twentieth of an edit form).
   */
  private final java.util.Map<java.util.List<Object>, String> columns;
  private static final org.emrkit.template.PerTemplate<java.util.Map<java.util.List<Object>,
      String>> COLUMNS = new org.emrkit.template.PerTemplate<>(
          t -> new java.util.concurrent.ConcurrentHashMap<>());
  private final Deque<TableState> tables = new ArrayDeque<>();
  private final Deque<GroupView> groups = new ArrayDeque<>();
  /** Per open group: whether a {@code template.emr-later} of its rows is open. */
  private final Deque<boolean[]> later = new ArrayDeque<>();

  /**
   * Rows of a repeating table the edit form draws at once; the rest come in templates of
   * {@link #LATER_ROWS} rows each, which emrkit.js draws after the form is interactive (or at
   * once when something asks for every field): a 200-row sheet's form is interactive sooner.
   */
  static final int FIRST_ROWS = 30;

  /** Rows per {@code template.emr-later}. */
  static final int LATER_ROWS = 30;

  /** What has been opened of a table being written. */
  private static final class TableState {
    final Table table;
    boolean head;
    boolean body;
    boolean seen;

    TableState(Table table) {
      this.table = table;
    }
  }

  public HtmlTarget(Html out, boolean edit, org.emrkit.template.Template template,
      String offset, org.emrkit.record.Context context,
      java.util.function.Predicate<String> editable) {
    this.out = out;
    this.page = template.page();
    this.columns = COLUMNS.get(template);
    this.edit = edit;
    this.controls = new Controls(out, template, offset, context, editable);
  }

  @Override
  public void title(String title) {
    out.raw("<h1 class=\"emr-title\">").text(title).raw("</h1>");
  }

  @Override
  public void banner(List<BannerItem> items) {
    out.raw("<div class=\"emr-banner\">");
    for (BannerItem i : items) {
      out.raw("<span class=\"emr-banner-item\"><span class=\"emr-banner-label\">")
          .text(i.label() + "：").raw("</span>").text(i.value()).raw("</span>");
    }
    out.raw("</div>");
  }

  @Override
  public void endMark(String text) {
    out.raw("<p class=\"emr-end-mark\">").text(text).raw("</p>");
  }

  @Override
  public void pageBreak() {
    out.raw("<div class=\"emr-page-break\"></div>");
  }

  @Override
  public void stamp(String text) {
    out.raw("<p class=\"emr-print-stamp\">").text(text).raw("</p>");
  }

  // ------------------------------------------------------------------ blocks

  @Override
  public void startSection(SectionView s) {
    out.raw(s.section().runIn() ? "<section class=\"emr-section emr-run-in\""
        : "<section class=\"emr-section\"").attr("id", "emr-s-" + s.section().id());
    whenAttributes(s.section().when(), s.holds());
    out.raw(">");
    if (s.section().runIn()) {
      return; // the walk puts the title in front of the section's paragraph
    }
    int h = Math.min(s.level() + 1, 6);
    out.raw("<h" + h + " class=\"emr-section-title\">").text(s.section().title())
        .raw("</h" + h + ">");
  }

  @Override
  public void endSection(SectionView s) {
    out.raw("</section>");
  }

  private void whenAttributes(Expression when, boolean holds) {
    if (edit && when != null) {
      out.attr("data-emr-when", when.source()).flag("hidden", !holds);
    }
  }

  @Override
  public void paragraph(ParagraphView p) {
    out.raw("<p class=\"emr-p\">");
    for (Run r : p.runs()) {
      if (r instanceof Run.TextRun t) {
        text(t.text());
      } else if (r instanceof Run.FieldRun f) {
        field(f.field());
      } else if (r instanceof Run.Break) {
        out.raw("<br>");
      } else if (r instanceof Run.PageRun n) {
        out.raw(n.kind() == PageNumber.Kind.PAGE ? "<span class=\"emr-page-number\"></span>"
            : "<span class=\"emr-page-count\"></span>");
      }
    }
    out.raw("</p>");
  }

  private static final TextStyle[] STYLES = {TextStyle.BOLD, TextStyle.ITALIC,
      TextStyle.SUPERSCRIPT, TextStyle.SUBSCRIPT};
  private static final String[] OPEN = {"<strong>", "<em>", "<sup>", "<sub>"};
  private static final String[] CLOSE = {"</strong>", "</em>", "</sup>", "</sub>"};

  /** Template text in its styles' elements, nested in a fixed order. */
  private void text(Text t) {
    for (int i = 0; i < STYLES.length; i++) {
      if (t.has(STYLES[i])) {
        out.raw(OPEN[i]);
      }
    }
    out.text(t.text());
    for (int i = STYLES.length - 1; i >= 0; i--) {
      if (t.has(STYLES[i])) {
        out.raw(CLOSE[i]);
      }
    }
  }

  private void field(FieldView f) {
    boolean conditional = edit && f.field().when() != null;
    if (conditional) {
      out.raw("<span class=\"emr-when\"");
      whenAttributes(f.field().when(), f.holds());
      out.raw(">");
    }
    if (edit) {
      controls.control(f);
    } else {
      value(f);
    }
    if (f.unit() != null && (edit || !f.text().isEmpty() || f.emptyText() == null
        || f.traced().isPresent())) {
      out.raw(org.emrkit.record.ValueText.unitSpace(f.unit()).isEmpty()
          ? "<span class=\"emr-unit emr-unit-tight\">" : "<span class=\"emr-unit\">")
          .text(f.unit()).raw("</span>");
    }
    if (conditional) {
      out.raw("</span>");
    }
  }

  private void value(FieldView f) {
    if (f.traced().isPresent()) {
      Traces.inline(out, f.path(), f.traced().get());
      return;
    }
    // as it prints (Html.escapeText): a vertical tab or form feed breaks the line (made one
    // here, before the lines are cut), other control characters show nothing; the edit form
    // keeps the value as it is beside it (Controls)
    String text = org.emrkit.record.ValueText.printable(f.text());
    if (text.isEmpty() && f.emptyText() != null) {
      // nothing, or the placeholder: a signed record's empty field invites no handwriting
      out.raw("<span class=\"emr-empty\"").attr("data-emr-path", f.path()).raw(">")
          .text(f.emptyText()).raw("</span>");
      return;
    }
    if (text.isEmpty()) {
      out.raw("<span class=\"emr-blank emr-blank-").raw(f.field().type().label()).raw("\"")
          .attr("data-emr-path", f.path()).raw("></span>");
      return;
    }
    out.raw("<span class=\"emr-value\"").attr("data-emr-path", f.path()).raw(">");
    String struck = org.emrkit.record.ValueText.printable(f.struckSignature());
    if (!struck.isEmpty()) {
      // a superseded signature: struck through, the 已修改 note after it as it is
      out.raw("<del class=\"emr-void\">").text(struck).raw("</del>")
          .text(text.substring(struck.length())).raw("</span>");
      return;
    }
    if (f.field().type() == FieldType.RICHTEXT) {
      out.raw(RichText.toHtml(text));
    } else {
      // a line break as on paper (in HTML a line feed is a space)
      String[] lines = org.emrkit.record.ValueText.lines(text);
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) {
          out.raw("<br>");
        }
        out.text(lines[i]);
      }
    }
    out.raw("</span>");
  }

  // ------------------------------------------------------------------ tables

  @Override
  public void startTable(TableView v) {
    Table t = v.table();
    tables.push(new TableState(t));
    org.emrkit.template.TableStyle style = t.style();
    out.raw("<table class=\"emr-table" + (style.borderless() ? " emr-borderless" : "")
        + (style.boldHeader() ? " emr-bold-header" : "") + "\"")
        .attr("id", t.id() == null ? null : "emr-t-" + t.id())
        .attr("style", style.fontSize() == null ? null : "font-size:"
            + java.math.BigDecimal.valueOf(style.fontSize()).stripTrailingZeros().toPlainString()
            + "pt")
        .raw(">").raw(columns.computeIfAbsent(java.util.List.of(
            new org.emrkit.template.PerTemplate.Same<>(t), tables.size() == 1),
            k -> columns(t, tables.size() == 1)));
  }

  /** A table's {@code colgroup}, at the top of the flow or nested in a cell. */
  private String columns(Table t, boolean top) {
    // a table in the flow: widths as on paper (the page's content width, its text size, 4 px
    // padding a side); a nested one keeps the template's proportions of its cell
    double points = t.style().fontSize() == null ? 10.5 : t.style().fontSize();
    double[] widths = top
        ? org.emrkit.render.ColumnWidths.of(t, page.widthMm() - page.marginLeftMm()
            - page.marginRightMm(), points * 25.4 / 72, 2.4)
        : t.widths().stream().mapToDouble(Double::doubleValue).toArray();
    double total = java.util.Arrays.stream(widths).sum();
    StringBuilder b = new StringBuilder("<colgroup>");
    Html html = new Html(b);
    for (double w : widths) {
      // as %.2f formats it, without a Formatter (which was a seventh of a view)
      html.raw("<col").attr("style", "width:" + java.math.BigDecimal.valueOf(100 * w / total)
          .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + "%").raw(">");
    }
    return b.append("</colgroup>").toString();
  }

  @Override
  public void endTable(TableView v) {
    TableState s = tables.pop();
    closeSections(s);
    if (!s.table.repeating() && !s.seen) {
      out.raw("<tbody></tbody>");
    }
    out.raw("</table>");
  }

  /** Closes an open {@code thead} or {@code tbody} of fixed rows. */
  private void closeSections(TableState s) {
    if (s.head) {
      out.raw("</thead>");
      s.head = false;
    }
    if (s.body) {
      out.raw("</tbody>");
      s.body = false;
    }
  }

  @Override
  public void startRow(RowView r) {
    TableState s = tables.peek();
    if (r.entry() != null) {
      out.raw("<tr class=\"emr-row\"");
      origin(r.entry());
      out.raw(">");
      return;
    }
    if (r.header() && !s.head) {
      out.raw("<thead>");
      s.head = true;
    } else if (!r.header() && !s.body) {
      if (s.head) {
        out.raw("</thead>");
        s.head = false;
      }
      out.raw("<tbody>");
      s.body = true;
      s.seen = true;
    }
    out.raw("<tr>");
  }

  @Override
  public void endRow(RowView r) {
    out.raw("</tr>");
  }

  @Override
  public void startCell(CellView c) {
    boolean repeated = c.cell().row() == c.table().rows() - 1 && c.table().repeating();
    String tag = c.header() ? "th" : "td";
    out.raw("<" + tag);
    if (c.cell().rowSpan() > 1 && !repeated) {
      out.attr("rowspan", c.cell().rowSpan());
    }
    if (c.cell().colSpan() > 1) {
      out.attr("colspan", c.cell().colSpan());
    }
    org.emrkit.template.TableStyle.Align align = c.table().style().align(c.cell().column());
    if (!c.header() && align != org.emrkit.template.TableStyle.Align.LEFT) {
      out.attr("class", "emr-align-" + align.label());
    }
    out.raw(">");
  }

  @Override
  public void endCell(CellView c) {
    Table t = c.table();
    boolean repeated = c.cell().row() == t.rows() - 1 && t.repeating();
    if (edit && repeated && c.cell().column() + c.cell().colSpan() == t.columns()) {
      out.raw("<button type=\"button\" class=\"emr-remove\" aria-label=\"删除此行\">－</button>");
    }
    out.raw(c.header() ? "</th>" : "</td>");
  }

  // ------------------------------------------------------------------ groups

  @Override
  public void startGroup(GroupView g) {
    groups.push(g);
    later.push(new boolean[1]);
    if (g.table()) {
      TableState s = tables.peek();
      closeSections(s);
      out.raw("<tbody class=\"emr-group emr-rows\"");
    } else {
      out.raw("<div class=\"emr-group\"");
    }
    out.attr("data-emr-group", g.id()).attr("data-emr-path", g.path())
        .attr("data-emr-min", g.min()).attr("data-emr-max", g.max()).raw(">");
  }

  @Override
  public void endGroup(GroupView g) {
    groups.pop();
    later.pop();
    if (!g.table()) {
      out.raw("</div>");
    } else if (!edit) {
      out.raw("</tbody>"); // in the edit form the template entry closed it
    }
  }

  @Override
  public void startEntry(EntryView e) {
    GroupView g = groups.peek();
    boolean[] open = later.peek();
    if (edit && g.table() && (e.isTemplate() || e.index() >= FIRST_ROWS
        && (e.index() - FIRST_ROWS) % LATER_ROWS == 0)) {
      if (open[0]) {
        out.raw("</template>");
      }
      open[0] = !e.isTemplate();
      if (open[0]) {
        out.raw("<template class=\"emr-later\">");
      }
    }
    if (e.isTemplate()) {
      if (g.table()) {
        out.raw("</tbody><tbody class=\"emr-group-tail\"><tr><td")
            .attr("colspan", tables.peek().table.columns()).raw(">");
      }
      out.raw("<template class=\"emr-row-template\">");
    }
    if (!g.table()) {
      out.raw("<div class=\"emr-row\"");
      origin(e);
      out.raw(">");
    }
  }

  /**
   * An edit form's row says which entry of the record it shows ({@code data-emr-row}), so a save
   * can say where each row it posts came from ({@code EmrKit.rows}); rows added in the form have
   * none.
   */
  private void origin(EntryView e) {
    if (edit && !e.isTemplate()) {
      out.raw(" data-emr-row=\"").raw(Integer.toString(e.index())).raw("\"");
    }
  }

  @Override
  public void endEntry(EntryView e) {
    GroupView g = groups.peek();
    if (!g.table()) {
      if (edit) {
        out.raw("<button type=\"button\" class=\"emr-remove\" aria-label=\"删除此条\">－</button>");
      }
      out.raw("</div>");
    }
    if (e.isTemplate()) {
      out.raw("</template><button type=\"button\" class=\"emr-add\"")
          .attr("data-emr-for", g.path()).raw(">＋ ");
      if (g.table()) {
        out.raw("添加一行</button></td></tr></tbody>");
      } else {
        out.text(g.label() == null ? "添加" : "添加" + g.label()).raw("</button>");
      }
    }
  }

  @Override
  public void startConditional(ConditionalView c) {
    out.raw("<div class=\"emr-if\"");
    whenAttributes(c.conditional().condition(), c.holds());
    out.raw(">");
  }

  @Override
  public void endConditional(ConditionalView c) {
    out.raw("</div>");
  }
}

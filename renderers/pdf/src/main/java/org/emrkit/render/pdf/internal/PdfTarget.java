package org.emrkit.render.pdf.internal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.emrkit.problem.Message;
import org.emrkit.record.RichText;
import org.emrkit.render.BannerItem;
import org.emrkit.render.CellView;
import org.emrkit.render.EntryView;
import org.emrkit.render.FieldView;
import org.emrkit.render.ParagraphView;
import org.emrkit.render.RenderException;
import org.emrkit.render.Run;
import org.emrkit.render.SectionView;
import org.emrkit.render.TableView;
import org.emrkit.render.WalkTarget;
import org.emrkit.template.FieldType;
import org.emrkit.template.Table;
import org.emrkit.template.Text;
import org.emrkit.template.TextStyle;

/**
 * Lays out the body the walk resolves as OpenPDF elements. At the top level each element goes
 * straight to the document (so pages are written as they fill and memory does not grow with the
 * page count; a repeating table is written row by row); inside table cells elements are
 * collected for the cell.
 */
public final class PdfTarget implements WalkTarget {

  private static final float PADDING = 3;

  private final Flow flow;
  private final Styles styles;
  private final Deque<List<Element>> sinks = new ArrayDeque<>();
  private final Deque<Frame> tables = new ArrayDeque<>();
  private final Deque<TableView> tableViews = new ArrayDeque<>();
  /** The width content may take, in points: the page's body, or the cell being written. */
  private final Deque<Float> available = new ArrayDeque<>();
  /** The text size: the record's, or the table's being written; and the outer ones. */
  private float body = Styles.BODY;
  private final Deque<Float> sizes = new ArrayDeque<>();
  /** Whether text goes bold: in a header cell of a table with {@code header=bold}. */
  private boolean bold;

  /**
   * A table being laid out: OpenPDF's table, whether it goes to the document, its column widths
   * in points, rows so far.
   */
  private static final class Frame {
    final PdfPTable table;
    final boolean topLevel;
    final float[] widths;
    int entries;

    Frame(PdfPTable table, boolean topLevel, float[] widths) {
      this.table = table;
      this.topLevel = topLevel;
      this.widths = widths;
    }
  }

  public PdfTarget(Flow flow, Styles styles, float width) {
    this.flow = flow;
    this.styles = styles;
    this.available.push(width);
  }

  private void emit(Element e) {
    if (!sinks.isEmpty()) {
      sinks.peek().add(e);
      return;
    }
    flow.add(e);
  }

  @Override
  public void title(String title) {
    Paragraph h = new Paragraph(styles.phrase(title, true, false, 0, Styles.TITLE, Color.BLACK));
    h.setAlignment(Element.ALIGN_CENTER);
    h.setSpacingAfter(4);
    emit(h);
  }

  @Override
  public void banner(List<BannerItem> items) {
    StringBuilder sb = new StringBuilder();
    for (BannerItem i : items) {
      sb.append(i.label()).append("：").append(i.value()).append("　　");
    }
    Phrase line = styles.plain(sb.toString().strip(), Styles.BODY - 1);
    for (Object o : line.getChunks()) {
      // a label and its value never split across lines ("住院" / "号：ZY0012345"): the banner
      // breaks only in the spaces between its items
      ((Chunk) o).setSplitCharacter(BETWEEN_ITEMS);
    }
    Paragraph out = new Paragraph(line);
    out.setSpacingAfter(4);
    emit(out);
  }

  /** Fields whose text is or ends with a date or time. */
  private static final java.util.Set<FieldType> DATED = java.util.EnumSet.of(FieldType.DATE,
      FieldType.DATETIME, FieldType.TIME, FieldType.SIGNATURE);

  /** Breaks a line only after a space. */
  private static final BreakAfter AT_SPACES = new BreakAfter(' ');
  /** Breaks a line only after an ideographic space (between banner items). */
  private static final BreakAfter BETWEEN_ITEMS = new BreakAfter('\u3000');


  @Override
  public void pageBreak() {
    flow.newPage();
  }

  @Override
  public void endMark(String text) {
    Paragraph end = new Paragraph(styles.plain(text, Styles.BODY));
    end.setAlignment(Element.ALIGN_CENTER);
    end.setSpacingBefore(6);
    emit(end);
  }

  @Override
  public void startSection(SectionView s) {
    if (s.section().runIn()) {
      return; // the walk puts the title in front of the section's paragraph
    }
    Paragraph h = new Paragraph(styles.phrase(s.section().title(), true, false, 0,
        s.level() == 1 ? Styles.HEADING : Styles.BODY, Color.BLACK));
    h.setSpacingBefore(8);
    h.setSpacingAfter(2);
    h.setKeepTogether(true);
    if (sinks.isEmpty()) {
      // the heading and two lines of what follows, or a new page
      flow.keepWithNext(8 + 2 + 1.5f * (s.level() == 1 ? Styles.HEADING : Styles.BODY)
          + 3 * Styles.BODY * 1.5f);
    }
    emit(h);
  }

  @Override
  public void paragraph(ParagraphView p) {
    Paragraph out = new Paragraph("", styles.font(body));
    out.setLeading(body * 1.55f);
    Phrase all = new Phrase("", styles.font(body));
    for (Run r : p.runs()) {
      if (r instanceof Run.TextRun t) {
        all.add(text(t.text()));
      } else if (r instanceof Run.FieldRun f) {
        all.add(field(f.field()));
      } else if (r instanceof Run.Break) {
        all.add(styles.newline(body));
      }
    }
    out.addAll(Styles.merged(all.getChunks()));
    emit(out);
  }

  private Phrase text(Text t) {
    int script = t.has(TextStyle.SUPERSCRIPT) ? 1 : t.has(TextStyle.SUBSCRIPT) ? -1 : 0;
    return styles.phrase(t.text(), bold || t.has(TextStyle.BOLD), t.has(TextStyle.ITALIC), script,
        body, Color.BLACK);
  }

  private Phrase field(FieldView f) {
    flow.marks().field(f.path(), flow.unit() + 1);
    Phrase out = new Phrase("", styles.font(body));
    if (f.traced().isPresent()) {
      out.add(PdfTraces.inline(styles, f.traced().get()));
      unit(out, f);
      return out;
    }
    // a vertical tab or form feed pasted from another program breaks the line, as in Word and
    // CDA; other control characters print nothing
    String text = org.emrkit.record.ValueText.printable(f.text());
    if (text.isEmpty() && f.emptyText() != null) {
      if (!f.emptyText().isEmpty()) {
        out.add(styles.plain(f.emptyText(), body));
      }
      return out; // no line and no unit: nothing invites writing
    }
    if (text.isEmpty()) {
      Chunk blank = new Chunk("\u00a0".repeat(f.field().type() == FieldType.RICHTEXT ? 40 : 12),
          styles.font(body));
      blank.setUnderline(0.5f, -2f);
      out.add(blank);
    } else if (f.field().type() == FieldType.RICHTEXT) {
      rich(out, text);
    } else if (DATED.contains(f.field().type())) {
      // a superseded signature: struck through, the 已修改 note after it as it is
      String struck = org.emrkit.record.ValueText.printable(f.struckSignature());
      if (!struck.isEmpty()) {
        out.add(dated(struck, true));
      }
      out.add(dated(text.substring(struck.length()), false));
    } else {
      out.add(styles.plain(text, body));
    }
    unit(out, f);
    return out;
  }

  /** A date or signature: it breaks at its spaces, never inside the date ("2026-" / "11-20"). */
  private Phrase dated(String text, boolean struck) {
    Phrase dated = styles.plain(text, body);
    for (Object o : dated.getChunks()) {
      ((Chunk) o).setSplitCharacter(AT_SPACES);
      if (struck) {
        ((Chunk) o).setUnderline(0.6f, body * 0.3f);
      }
    }
    return dated;
  }

  private void unit(Phrase out, FieldView f) {
    if (f.unit() != null) {
      out.add(styles.plain(org.emrkit.record.ValueText.unitSpace(f.unit()) + f.unit(),
          body));
    }
  }

  private void rich(Phrase out, String text) {
    List<List<RichText.Run>> paragraphs = RichText.parse(text);
    for (int k = 0; k < paragraphs.size(); k++) {
      if (k > 0) {
        out.add(styles.newline(body));
      }
      for (RichText.Run r : paragraphs.get(k)) {
        out.add(r.bold() || r.italic() || r.script() != 0
            ? styles.phrase(r.text(), r.bold(), r.italic(), r.script(), body, Color.BLACK)
            : styles.plain(r.text(), body));
      }
    }
  }

  // ------------------------------------------------------------------ tables

  @Override
  public void startTable(TableView v) {
    Table t = v.table();
    float[] widths = TableRows.widths(t, available.peek(), PADDING);
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    boolean topLevel = sinks.isEmpty();
    // header rows repeat on every page for a table in the flow; a table nested in a cell keeps
    // its header shading but does not repeat it (OpenPDF loses the rest of a nested table with
    // header rows when the row holding it splits across pages)
    table.setHeaderRows(topLevel ? t.headerRows() : 0);
    table.setSplitLate(true);
    table.setSplitRows(true);
    table.setSpacingBefore(3);
    table.setSpacingAfter(3);
    if (topLevel && t.repeating()) {
      table.setComplete(false);
    }
    tables.push(new Frame(table, topLevel, widths));
    tableViews.push(v);
    sizes.push(body);
    body = TableRows.size(t, body);
  }

  @Override
  public void endTable(TableView v) {
    Frame f = tables.pop();
    tableViews.pop();
    body = sizes.pop();
    f.table.setComplete(true);
    if (f.entries > 0 && f.table.size() <= f.table.getHeaderRows()) {
      // every row is written: what is left is the space after the table
      flow.space(f.table.spacingAfter());
      return;
    }
    if (f.table.size() <= f.table.getHeaderRows()) {
      // OpenPDF drops a table that is all header rows (a repeating table with no rows yet):
      // with nothing below them to repeat over, they print as plain rows
      f.table.setHeaderRows(0);
    }
    table(v, f.table);
  }

  /** Emits a table; one that cannot be paged is a render error naming it. */
  private void table(TableView v, PdfPTable table) {
    try {
      emit(table);
    } catch (Flow.TooTall e) {
      throw tooTall(v, e);
    }
  }

  private static RenderException tooTall(TableView v, Flow.TooTall e) {
    String id = v.table().id() == null ? "" : " " + v.table().id();
    return new RenderException("render/too-tall", "", Message.of(
        "表格" + id + "的表头、含嵌套表格的一行或合并单元格所跨的几行高于一页，无法分页打印；"
            + "请拆分这一行、表头、合并单元格或嵌套表格",
        "the header rows, a row holding a nested table, or rows joined by a merged cell of"
            + " table" + id + " are taller than a page and cannot be split across pages; split"
            + " the row, the header, the merged cell or the nested table"), e);
  }

  /** A top-level repeating table's row whose first cell is not written yet: its entry. */
  private String pendingRow;

  @Override
  public void startEntry(EntryView e) {
    if (e.isTemplate() || !sinks.isEmpty()) {
      return;
    }
    if (tables.isEmpty()) {
      flow.marks().start(e.path(), flow.here());
    } else if (tables.peek().topLevel) {
      pendingRow = e.path();
    }
  }

  @Override
  public void endEntry(EntryView e) {
    if (!e.isTemplate() && sinks.isEmpty() && tables.isEmpty()) {
      flow.marks().end(e.path(), flow.here());
    }
    Frame f = tables.peek();
    if (f != null && f.topLevel && sinks.isEmpty() && !e.isTemplate()) {
      // each row a unit of its own (a continuation cuts between rows); memory does not grow
      // with the rows; the next row goes right under it, the header repeated on new pages only
      if (f.entries == 0 && f.table.size() > 1) {
        head(f);
      }
      f.entries++;
      float after = f.table.spacingAfter();
      f.table.setSpacingAfter(0);
      table(tableViews.peek(), f.table);
      f.table.flushContent();
      f.table.setSpacingBefore(0);
      f.table.setSpacingAfter(after);
    }
  }

  /**
   * A repeating table's head (header rows, rows before its first entry) as a unit of its own: a
   * continuation under it leaves it out whole; the table repeats its header on later pages only.
   */
  private void head(Frame f) {
    PdfPTable head = PdfPTable.shallowCopy(f.table);
    head.getRows().addAll(f.table.getRows().subList(0, f.table.size() - 1));
    head.setHeaderRows(0);
    head.setSpacingAfter(0);
    head.setComplete(true);
    try {
      if (!flow.addHead(head, f.table)) {
        return;
      }
    } catch (Flow.TooTall e) {
      throw tooTall(tableViews.peek(), e);
    }
    for (int i = f.table.size() - 2; i >= f.table.getHeaderRows(); i--) {
      f.table.deleteRow(i); // rows before the first entry: printed in the head
    }
    f.table.setSkipFirstHeader(true);
    f.table.setSpacingBefore(0);
  }

  @Override
  public void startCell(CellView c) {
    sinks.push(new ArrayList<>());
    float w = 0;
    float[] widths = tables.peek().widths;
    for (int i = c.cell().column(); i < c.cell().column() + c.cell().colSpan(); i++) {
      w += widths[i];
    }
    available.push(w - 2 * PADDING - 1);
    bold = c.header() && c.table().style().boldHeader();
  }

  @Override
  public void endCell(CellView c) {
    available.pop();
    PdfPCell cell = TableRows.cell(c, sinks.pop(), PADDING);
    bold = false;
    if (pendingRow != null && sinks.isEmpty()) {
      cell.setCellEvent(new RowMark(pendingRow, flow));
      pendingRow = null;
    }
    tables.peek().table.addCell(cell);
  }
}

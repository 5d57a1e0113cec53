package org.emrkit.render.pdf.internal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
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
import org.emrkit.record.RichText;
import org.emrkit.render.BannerItem;
import org.emrkit.render.CellView;
import org.emrkit.render.EntryView;
import org.emrkit.render.FieldView;
import org.emrkit.render.ParagraphView;
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
 * page count; a long repeating table is written every {@value #ROWS_PER_FLUSH} rows); inside
 * table cells elements are collected for the cell.
 */
public final class PdfTarget implements WalkTarget {

  private static final int ROWS_PER_FLUSH = 40;

  private final Document document;
  private final Styles styles;
  private final Deque<List<Element>> sinks = new ArrayDeque<>();
  private final Deque<Frame> tables = new ArrayDeque<>();

  /** A table being laid out: OpenPDF's table, whether it goes to the document, rows so far. */
  private static final class Frame {
    final PdfPTable table;
    final boolean topLevel;
    int entries;

    Frame(PdfPTable table, boolean topLevel) {
      this.table = table;
      this.topLevel = topLevel;
    }
  }

  public PdfTarget(Document document, Styles styles) {
    this.document = document;
    this.styles = styles;
  }

  private void emit(Element e) {
    if (!sinks.isEmpty()) {
      sinks.peek().add(e);
      return;
    }
    try {
      document.add(e);
    } catch (DocumentException ex) {
      throw new IllegalStateException("OpenPDF refused an element", ex);
    }
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
    Paragraph out = new Paragraph(styles.plain(sb.toString().strip(), Styles.BODY - 1));
    out.setSpacingAfter(4);
    emit(out);
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
    Paragraph h = new Paragraph(styles.phrase(s.section().title(), true, false, 0,
        s.level() == 1 ? Styles.HEADING : Styles.BODY, Color.BLACK));
    h.setSpacingBefore(6);
    h.setSpacingAfter(2);
    h.setKeepTogether(true);
    emit(h);
  }

  @Override
  public void paragraph(ParagraphView p) {
    Paragraph out = new Paragraph("", styles.font(Styles.BODY));
    out.setLeading(Styles.BODY * 1.55f);
    Phrase all = new Phrase("", styles.font(Styles.BODY));
    for (Run r : p.runs()) {
      if (r instanceof Run.TextRun t) {
        all.add(text(t.text()));
      } else if (r instanceof Run.FieldRun f) {
        all.add(field(f.field()));
      } else if (r instanceof Run.Break) {
        all.add(styles.newline());
      }
    }
    out.addAll(Styles.merged(all.getChunks()));
    emit(out);
  }

  private Phrase text(Text t) {
    int script = t.has(TextStyle.SUPERSCRIPT) ? 1 : t.has(TextStyle.SUBSCRIPT) ? -1 : 0;
    return styles.phrase(t.text(), t.has(TextStyle.BOLD), t.has(TextStyle.ITALIC), script,
        Styles.BODY, Color.BLACK);
  }

  private Phrase field(FieldView f) {
    Phrase out = new Phrase("", styles.font(Styles.BODY));
    String text = f.text();
    if (text.isEmpty()) {
      Chunk blank = new Chunk("\u00a0".repeat(f.field().type() == FieldType.RICHTEXT ? 40 : 12),
          styles.font(Styles.BODY));
      blank.setUnderline(0.5f, -2f);
      out.add(blank);
    } else if (f.field().type() == FieldType.RICHTEXT) {
      rich(out, text);
    } else {
      out.add(styles.plain(text, Styles.BODY));
    }
    if (f.field().unit() != null) {
      out.add(styles.plain(" " + f.field().unit(), Styles.BODY));
    }
    return out;
  }

  private void rich(Phrase out, String text) {
    List<List<RichText.Run>> paragraphs = RichText.parse(text);
    for (int k = 0; k < paragraphs.size(); k++) {
      if (k > 0) {
        out.add(styles.newline());
      }
      for (RichText.Run r : paragraphs.get(k)) {
        out.add(r.bold() || r.italic() || r.script() != 0
            ? styles.phrase(r.text(), r.bold(), r.italic(), r.script(), Styles.BODY, Color.BLACK)
            : styles.plain(r.text(), Styles.BODY));
      }
    }
  }

  // ------------------------------------------------------------------ tables

  @Override
  public void startTable(TableView v) {
    Table t = v.table();
    float[] widths = new float[t.columns()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = t.widths().get(i).floatValue();
    }
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setHeaderRows(t.headerRows());
    table.setSplitLate(true);
    table.setSplitRows(true);
    table.setSpacingBefore(3);
    table.setSpacingAfter(3);
    boolean topLevel = sinks.isEmpty();
    if (topLevel && t.repeating()) {
      table.setComplete(false);
    }
    tables.push(new Frame(table, topLevel));
  }

  @Override
  public void endTable(TableView v) {
    Frame f = tables.pop();
    f.table.setComplete(true);
    emit(f.table);
  }

  @Override
  public void endEntry(EntryView e) {
    Frame f = tables.peek();
    if (f != null && f.topLevel && sinks.isEmpty() && ++f.entries % ROWS_PER_FLUSH == 0) {
      emit(f.table); // writes the finished rows; the table goes on with the next ones
    }
  }

  @Override
  public void startCell(CellView c) {
    sinks.push(new ArrayList<>());
  }

  @Override
  public void endCell(CellView c) {
    List<Element> content = sinks.pop();
    PdfPCell cell = new PdfPCell();
    boolean repeated = c.table().repeating() && c.cell().row() == c.table().rows() - 1;
    cell.setRowspan(repeated ? 1 : c.cell().rowSpan());
    cell.setColspan(c.cell().colSpan());
    cell.setPadding(3);
    cell.setBorderWidth(0.5f);
    if (c.header()) {
      cell.setBackgroundColor(new Color(245, 245, 245));
    }
    for (Element e : content) {
      if (e instanceof Paragraph p) {
        p.setSpacingAfter(0);
      }
      cell.addElement(e);
    }
    tables.peek().table.addCell(cell);
  }
}

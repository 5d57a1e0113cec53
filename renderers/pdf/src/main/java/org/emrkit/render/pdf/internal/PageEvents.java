package org.emrkit.render.pdf.internal;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Draws the running page header and footer on every page — lines and tables, with the page
 * number and the page count — the optional watermark and print stamp. A line that shows the
 * page count is drawn into its own small template, filled in when the document closes and the
 * count is known, so the line is centred exactly whatever the number of digits; inside a table
 * the count goes into a slot of its own.
 */
public final class PageEvents extends PdfPageEventHelper {

  /** A piece of a running line: text, or the page number, or the page count. */
  public record Piece(String text, int kind) {
    public static final int TEXT = 0;
    public static final int PAGE = 1;
    public static final int PAGES = 2;
  }

  private static final float LINE = Styles.SMALL * 1.4f;

  private final Styles styles;
  private final List<AreaBlock> header;
  private final List<AreaBlock> footer;
  private final IntFunction<String> watermark;
  private final IntFunction<String> stamp;
  /** Templates waiting for the page count: the template, what goes in it, its page. */
  private final List<Deferred> deferred = new ArrayList<>();

  private record Deferred(PdfTemplate template, List<Piece> pieces, int page) {}

  /**
   * Page furniture; {@code watermark} and {@code stamp} give each page's watermark and print
   * stamp ({@code null}: none).
   */
  public PageEvents(Styles styles, List<AreaBlock> header, List<AreaBlock> footer,
      IntFunction<String> watermark, IntFunction<String> stamp) {
    this.styles = styles;
    this.header = List.copyOf(header);
    this.footer = List.copyOf(footer);
    this.watermark = watermark;
    this.stamp = stamp;
  }

  /** The height the header needs above the body, in points (page 1's numbers). */
  public static float height(Styles styles, List<AreaBlock> blocks, float width) {
    float h = 0;
    for (AreaBlock b : blocks) {
      h += b instanceof AreaBlock.Grid g ? grid(styles, g, width, 1, null, null).getTotalHeight()
          + 2 : LINE;
    }
    return h;
  }

  @Override
  public void onEndPage(PdfWriter writer, Document document) {
    PdfContentByte cb = writer.getDirectContent();
    int page = writer.getPageNumber();
    // the running header and footer, the stamp and the watermark are pagination artifacts, not
    // content (PDF 32000-1 14.8.2.2): readers and text extraction can tell them apart
    artifact(cb);
    header(cb, document, page);
    footer(cb, document, page);
    cb.endMarkedContentSequence();
    String mark = watermark.apply(page);
    if (mark != null) {
      PdfContentByte under = writer.getDirectContentUnder();
      artifact(under);
      Phrase w = styles.phrase(mark, false, false, 0, 48, new Color(225, 225, 225));
      ColumnText.showTextAligned(under, Element.ALIGN_CENTER, w,
          (document.left() + document.right()) / 2, (document.top() + document.bottom()) / 2, 35);
      under.endMarkedContentSequence();
    }
  }

  /** The running header, top to bottom, ending just above the rule under it. */
  private void header(PdfContentByte cb, Document document, int page) {
    float left = document.left();
    float right = document.right();
    List<PdfPTable> grids = new ArrayList<>();
    float height = 0;
    for (AreaBlock b : header) {
      PdfPTable t = b instanceof AreaBlock.Grid g ? grid(styles, g, right - left, page, cb,
          deferred) : null;
      grids.add(t);
      height += t == null ? LINE : t.getTotalHeight() + 2;
    }
    float y = document.top() + 4 + height;
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i) instanceof AreaBlock.Line l) {
        y -= LINE;
        line(cb, l.pieces(), (left + right) / 2, y + 2, page);
      } else {
        PdfPTable t = grids.get(i);
        t.writeSelectedRows(0, -1, left, y, cb);
        y -= t.getTotalHeight() + 2;
      }
    }
    if (!header.isEmpty()) {
      cb.setLineWidth(0.4f);
      cb.moveTo(left, document.top() + 3);
      cb.lineTo(right, document.top() + 3);
      cb.stroke();
    }
  }

  /** The running footer under the body, then the print stamp at the right. */
  private void footer(PdfContentByte cb, Document document, int page) {
    float left = document.left();
    float right = document.right();
    float fy = document.bottom() - Styles.SMALL * 1.6f;
    for (AreaBlock b : footer) {
      if (b instanceof AreaBlock.Line l) {
        line(cb, l.pieces(), (left + right) / 2, fy, page);
        fy -= LINE;
      } else if (b instanceof AreaBlock.Grid g) {
        PdfPTable t = grid(styles, g, right - left, page, cb, deferred);
        float top = fy + Styles.SMALL;
        t.writeSelectedRows(0, -1, left, top, cb);
        fy = top - t.getTotalHeight() - Styles.SMALL;
      }
    }
    String text = stamp.apply(page);
    if (text != null) {
      ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, styles.plain(text, Styles.SMALL - 1),
          right, fy, 0);
    }
  }

  /** Begins a pagination artifact ({@code /Artifact <</Type /Pagination>> BDC}). */
  private static void artifact(PdfContentByte cb) {
    PdfDictionary props = new PdfDictionary();
    props.put(PdfName.TYPE, new PdfName("Pagination"));
    cb.beginMarkedContentSequence(new PdfName("Artifact"), props, true);
  }

  private void line(PdfContentByte cb, List<Piece> pieces, float center, float y, int page) {
    if (pieces.stream().anyMatch(p -> p.kind() == Piece.PAGES)) {
      // the template runs from the page's left edge to twice the centre, so its middle is the
      // line's centre; filled in onCloseDocument
      PdfTemplate t = cb.createTemplate(2 * center, Styles.SMALL * 1.6f);
      cb.addTemplate(t, 0, y - Styles.SMALL * 0.4f);
      deferred.add(new Deferred(t, pieces, page));
      return;
    }
    ColumnText.showTextAligned(cb, Element.ALIGN_CENTER, styles.plain(text(pieces, page, 0),
        Styles.SMALL), center, y, 0);
  }

  /**
   * A grid as an OpenPDF table for one page; the page count goes into slots filled on close
   * (with no content byte, when measuring, "999" stands in for it).
   */
  private static PdfPTable grid(Styles styles, AreaBlock.Grid g, float width, int page,
      PdfContentByte cb, List<Deferred> deferred) {
    PdfPTable t = new PdfPTable(g.widths());
    t.setTotalWidth(width);
    t.setLockedWidth(true);
    for (AreaBlock.GridCell c : g.cells()) {
      PdfPCell cell = new PdfPCell();
      cell.setRowspan(c.rowSpan());
      cell.setColspan(c.colSpan());
      cell.setPadding(2);
      cell.setBorderWidth(0.5f);
      if (c.header()) {
        cell.setBackgroundColor(new Color(245, 245, 245));
      }
      for (AreaBlock b : c.content()) {
        if (b instanceof AreaBlock.Line l) {
          cell.addElement(cellLine(styles, l.pieces(), page, cb, deferred));
        } else if (b instanceof AreaBlock.Grid inner) {
          cell.addElement(grid(styles, inner, width, page, cb, deferred));
        }
      }
      t.addCell(cell);
    }
    t.completeRow();
    return t;
  }

  private static Paragraph cellLine(Styles styles, List<Piece> pieces, int page,
      PdfContentByte cb, List<Deferred> deferred) {
    Paragraph p = new Paragraph("", styles.font(Styles.SMALL));
    p.setLeading(Styles.SMALL * 1.4f);
    for (Piece piece : pieces) {
      if (piece.kind() != Piece.PAGES || cb == null) {
        p.add(styles.plain(text(List.of(piece), page, 999), Styles.SMALL));
        continue;
      }
      PdfTemplate slot = cb.createTemplate(Styles.SMALL * 2.2f, Styles.SMALL * 1.4f);
      deferred.add(new Deferred(slot, List.of(piece), page));
      try {
        p.add(new Chunk(Image.getInstance(slot), 0, -Styles.SMALL * 0.3f, false));
      } catch (BadElementException e) {
        throw new IllegalStateException("OpenPDF refused a page count slot", e);
      }
    }
    return p;
  }

  private static String text(List<Piece> pieces, int page, int pages) {
    StringBuilder line = new StringBuilder();
    for (Piece p : pieces) {
      line.append(switch (p.kind()) {
        case Piece.PAGE -> String.valueOf(page);
        case Piece.PAGES -> String.valueOf(pages);
        default -> p.text();
      });
    }
    return line.toString();
  }

  @Override
  public void onCloseDocument(PdfWriter writer, Document document) {
    int pages = writer.getPageNumber() - 1;
    for (Deferred d : deferred) {
      ColumnText.showTextAligned(d.template(), Element.ALIGN_CENTER,
          styles.plain(text(d.pieces(), d.page(), pages), Styles.SMALL),
          d.template().getWidth() / 2, Styles.SMALL * 0.4f, 0);
    }
    deferred.clear();
  }
}

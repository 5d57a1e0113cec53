package org.emrkit.render.pdf.internal;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the running page header and footer on every page, with the page number and the page
 * count, the optional watermark and print stamp. A line that shows the page count is drawn into
 * its own small template, filled in when the document closes and the count is known, so the line
 * is centred exactly whatever the number of digits.
 */
public final class PageEvents extends PdfPageEventHelper {

  /** A piece of a running line: text, or the page number, or the page count. */
  public record Piece(String text, int kind) {
    public static final int TEXT = 0;
    public static final int PAGE = 1;
    public static final int PAGES = 2;
  }

  private final Styles styles;
  private final List<List<Piece>> header;
  private final List<List<Piece>> footer;
  private final String watermark;
  private final String stamp;
  /** Lines waiting for the page count: the template on the page and what goes in it. */
  private final List<Deferred> deferred = new ArrayList<>();

  private record Deferred(PdfTemplate template, List<Piece> pieces, int page) {}

  public PageEvents(Styles styles, List<List<Piece>> header, List<List<Piece>> footer,
      String watermark, String stamp) {
    this.styles = styles;
    this.header = header;
    this.footer = footer;
    this.watermark = watermark;
    this.stamp = stamp;
  }

  @Override
  public void onEndPage(PdfWriter writer, Document document) {
    PdfContentByte cb = writer.getDirectContent();
    float left = document.left();
    float right = document.right();
    float center = (left + right) / 2;
    float y = document.top() + 6;
    for (int i = header.size() - 1; i >= 0; i--) {
      line(cb, header.get(i), center, y, writer.getPageNumber());
      y += Styles.SMALL * 1.4f;
    }
    if (!header.isEmpty()) {
      cb.setLineWidth(0.4f);
      cb.moveTo(left, document.top() + 3);
      cb.lineTo(right, document.top() + 3);
      cb.stroke();
    }
    float fy = document.bottom() - Styles.SMALL * 1.6f;
    for (List<Piece> l : footer) {
      line(cb, l, center, fy, writer.getPageNumber());
      fy -= Styles.SMALL * 1.4f;
    }
    if (stamp != null) {
      ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, styles.plain(stamp, Styles.SMALL - 1),
          right, fy, 0);
    }
    if (watermark != null) {
      PdfContentByte under = writer.getDirectContentUnder();
      Phrase w = styles.phrase(watermark, false, false, 0, 48, new Color(225, 225, 225));
      ColumnText.showTextAligned(under, Element.ALIGN_CENTER, w, center,
          (document.top() + document.bottom()) / 2, 35);
    }
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
    draw(cb, pieces, center, y, page, 0);
  }

  private void draw(PdfContentByte cb, List<Piece> pieces, float center, float y, int page,
      int pages) {
    float size = Styles.SMALL;
    StringBuilder line = new StringBuilder();
    for (Piece p : pieces) {
      line.append(text(p, page, pages));
    }
    ColumnText.showTextAligned(cb, Element.ALIGN_CENTER, styles.plain(line.toString(), size),
        center, y, 0);
  }

  private static String text(Piece p, int page, int pages) {
    return switch (p.kind()) {
      case Piece.PAGE -> String.valueOf(page);
      case Piece.PAGES -> String.valueOf(pages);
      default -> p.text();
    };
  }

  @Override
  public void onCloseDocument(PdfWriter writer, Document document) {
    int pages = writer.getPageNumber() - 1;
    for (Deferred d : deferred) {
      draw(d.template(), d.pieces(), d.template().getWidth() / 2, Styles.SMALL * 0.4f,
          d.page(), pages);
    }
    deferred.clear();
  }
}

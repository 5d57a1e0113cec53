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
import java.util.List;

/**
 * Draws the running page header and footer on every page, with the page number and the page
 * count (a template filled in when the document closes), the optional watermark and print stamp.
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
  private PdfTemplate total;

  public PageEvents(Styles styles, List<List<Piece>> header, List<List<Piece>> footer,
      String watermark, String stamp) {
    this.styles = styles;
    this.header = header;
    this.footer = footer;
    this.watermark = watermark;
    this.stamp = stamp;
  }

  @Override
  public void onOpenDocument(PdfWriter writer, Document document) {
    total = writer.getDirectContent().createTemplate(30, 12);
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
    float size = Styles.SMALL;
    float width = 0;
    for (Piece p : pieces) {
      width += p.kind() == Piece.PAGES ? slot() : styles.regularBase().getWidthPoint(text(p, page), size);
    }
    float x = center - width / 2;
    for (Piece p : pieces) {
      if (p.kind() == Piece.PAGES) {
        cb.addTemplate(total, x, y - 2);
        x += slot();
      } else {
        String t = text(p, page);
        ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, styles.plain(t, size), x, y, 0);
        x += styles.regularBase().getWidthPoint(t, size);
      }
    }
  }

  /** Room for the page count: two digits (longer counts run into the text after them). */
  private float slot() {
    return styles.regularBase().getWidthPoint("00", Styles.SMALL) + 1;
  }

  private static String text(Piece p, int page) {
    return p.kind() == Piece.PAGE ? String.valueOf(page) : p.text();
  }

  @Override
  public void onCloseDocument(PdfWriter writer, Document document) {
    ColumnText.showTextAligned(total, Element.ALIGN_LEFT,
        styles.plain(String.valueOf(writer.getPageNumber() - 1), Styles.SMALL), 0, 2, 0);
  }
}

package org.emrkit.render.pdf.internal;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Lays elements down the body of successive pages, each right under the one before, onto the
 * page's own content stream: so the stream holds the body in reading order, and the position
 * where each element ended is known ({@link #y()}). A page break starts a new page only when
 * an element does not fit; an element that does not fit on an empty page either is an error,
 * not an endless loop.
 */
public final class Flow {

  private final Document document;
  private final PdfWriter writer;
  private final ColumnText column;
  private boolean pageTop = true;

  public Flow(Document document, PdfWriter writer) {
    this.document = document;
    this.writer = writer;
    this.column = new ColumnText(writer.getDirectContent());
    reset();
  }

  private void reset() {
    column.setSimpleColumn(document.left(), document.bottom(), document.right(), document.top());
  }

  /** The height where the last element ended, in points from the page's bottom edge. */
  public float y() {
    return column.getYLine();
  }

  /** The page being written, 1-based. */
  public int page() {
    return writer.getPageNumber();
  }

  /** Lays out an element, breaking pages as it needs. */
  public void add(Element e) {
    if (e instanceof PdfPTable t && t.getHeaderRows() > 0) {
      // OpenPDF silently drops a table whose header rows do not fit on an empty page
      t.setTotalWidth((document.right() - document.left()) * t.getWidthPercentage() / 100);
      if (t.getHeaderHeight() > (document.top() - document.bottom()) / 3) {
        // header rows that take more than a third of a page are printed once, not on every
        // page: repeated, they would leave each page little room for the rows they head (and
        // header rows taller than a page would leave none)
        t.setHeaderRows(0);
      }
    }
    column.addElement(e);
    int emptyPages = 0;
    while (true) {
      // spacing before an element is left out at the top of a page, as a printer does
      column.setAdjustFirstLine(pageTop);
      float before = column.getYLine();
      int status;
      try {
        status = column.go();
      } catch (DocumentException ex) {
        throw new IllegalStateException("OpenPDF refused an element", ex);
      }
      if (column.getYLine() != before) {
        pageTop = false;
      }
      if (!ColumnText.hasMoreText(status)) {
        return;
      }
      emptyPages = pageTop ? emptyPages + 1 : 0;
      if (emptyPages > 2) {
        throw new TooTall();
      }
      newPage();
    }
  }

  /** An element that does not fit on an empty page and cannot be split. */
  public static final class TooTall extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooTall() {
      super("an element is taller than an empty page and cannot be split", null, false, false);
    }
  }

  /** Ends the page and starts the next one at its top. */
  public void newPage() {
    writer.setPageEmpty(false);
    document.newPage();
    reset();
    pageTop = true;
  }
}

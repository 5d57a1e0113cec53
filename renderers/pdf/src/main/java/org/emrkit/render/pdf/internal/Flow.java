package org.emrkit.render.pdf.internal;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.util.List;

/**
 * Lays elements down the body of successive pages, each right under the one before, onto the
 * page's own content stream: so the stream holds the body in reading order, and the position
 * where each element ended is known ({@link #y()}). Each element's piece on a page (a
 * <em>unit</em>) is drawn inside marked content {@code /EMRKit <</U n>> BDC} and its own
 * {@code q}…{@code Q}: a continuation print can leave out, or clip, exactly the units already on
 * paper, and no graphics state (font, colour, line width) leaks from one unit to the next, so
 * what is left draws as it did. Where units end goes into {@link Marks}. A
 * page break starts a new page only when an element does not fit; an element that does not fit
 * on an empty page either is an error, not an endless loop.
 */
public final class Flow {

  private final Document document;
  private final PdfWriter writer;
  private final ColumnText column;
  private final Marks marks;
  private boolean pageTop = true;
  /** The unit being laid or last laid; -1 before the first. */
  private int unit = -1;

  public Flow(Document document, PdfWriter writer, Marks marks) {
    this.document = document;
    this.writer = writer;
    this.marks = marks;
    this.column = new ColumnText(writer.getDirectContent());
    reset();
  }

  /** The marked-content tag units are placed under. */
  public static final PdfName UNIT = new PdfName("EMRKit");

  /** The unit being laid, or the last one laid; -1 before the first. */
  public int unit() {
    return unit;
  }

  /** The marks this flow records. */
  public Marks marks() {
    return marks;
  }

  /**
   * The place right under what has been laid: after the last unit, at its end when it ended on
   * this page, else at the top of this page.
   */
  public Marks.Boundary here() {
    List<Marks.Part> parts = marks.parts();
    Marks.Part last = parts.isEmpty() ? null : parts.get(parts.size() - 1);
    float y = last != null && last.page() == page() ? last.bottom() : document.top();
    return new Marks.Boundary(page(), y, unit + 1);
  }

  /** Leaves {@code points} of space under what has been laid (the space after a table). */
  public void space(float points) {
    if (!pageTop) {
      column.setYLine(column.getYLine() - points);
    }
  }

  private void reset() {
    column.setSimpleColumn(document.left(), document.bottom(), document.right(), document.top());
  }

  /** The height where the last element ended, in points from the page's bottom edge. */
  public float y() {
    return column.getYLine();
  }

  /**
   * Starts a new page unless at least {@code points} are left on this one (a heading must not
   * stand alone at the foot of a page: it goes on with what follows it).
   */
  public void keepWithNext(float points) {
    if (!pageTop && column.getYLine() - document.bottom() < points) {
      newPage();
    }
  }

  /** The page being written, 1-based. */
  public int page() {
    return writer.getPageNumber();
  }

  /**
   * Lays a repeating table's head (its header rows and any rows before its first entry, printed
   * as plain rows) as an element of its own, on the page where {@code table}'s first body row
   * (its last row) fits under it; false, laying nothing, when the header rows take more than a
   * third of a page (they are then printed once, with the rows: see {@link #addTable}).
   */
  public boolean addHead(PdfPTable head, PdfPTable table) {
    float width = document.right() - document.left();
    head.setTotalWidth(width * head.getWidthPercentage() / 100);
    table.setTotalWidth(width * table.getWidthPercentage() / 100);
    if (table.getHeaderHeight() > (document.top() - document.bottom()) / 3) {
      return false;
    }
    // the head goes with its first row, or with three lines of a row taller than the room a
    // page leaves it (printed in pieces from where it starts: TallRows)
    float row = table.getRowHeight(table.size() - 1);
    float room = document.top() - document.bottom() - table.getHeaderHeight();
    keepWithNext(head.spacingBefore() + head.getTotalHeight()
        + (row > room ? 3 * 1.55f * Styles.BODY : row));
    add(head);
    return true;
  }

  /** Lays out an element, breaking pages as it needs. */
  public void add(Element e) {
    if (e instanceof PdfPTable t) {
      addTable(t);
    } else {
      lay(e);
    }
  }

  /**
   * Lays out a table. Rows a merged cell joins, and a row holding a nested table, are kept on
   * one page: when they do not fit in what is left of this page they start the next one, under
   * the header rows; when they are taller than a page the table is refused ({@link TooTall}).
   * A plain row taller than a page is printed in pieces of about a page ({@link TallRows}),
   * split where the page ends as OpenPDF splits a row, starting where the row before it ended
   * (OpenPDF would leave the rest of that page empty).
   */
  private void addTable(PdfPTable t) {
    t.setTotalWidth((document.right() - document.left()) * t.getWidthPercentage() / 100);
    float page = document.top() - document.bottom();
    if (t.getHeaderRows() > 0 && t.getHeaderHeight() > page / 3) {
      // header rows that take more than a third of a page are printed once, not on every
      // page: repeated, they would leave each page little room for the rows they head (and
      // header rows taller than a page would leave none; OpenPDF silently drops a table whose
      // header rows do not fit on an empty page)
      t.setHeaderRows(0);
    }
    float room = page - t.getHeaderHeight();
    List<TableRows.Run> runs = TableRows.runs(t, room);
    float[] heights = new float[runs.size()];
    boolean whole = true;
    for (int i = 0; i < runs.size(); i++) {
      TableRows.Run r = runs.get(i);
      whole &= !r.kept() && !r.tall();
      if (r.kept()) {
        heights[i] = TableRows.height(t, r);
        if (heights[i] > room) {
          throw new TooTall();
        }
      }
    }
    if (whole) {
      lay(t);
      return;
    }
    for (int i = 0; i < runs.size(); i++) {
      TableRows.Run r = runs.get(i);
      PdfPTable p = r.tall() ? TallRows.table(t, r.from(), room) : TableRows.piece(t, r);
      p.setSpacingBefore(i == 0 ? t.spacingBefore() : 0);
      p.setSpacingAfter(i == runs.size() - 1 ? t.spacingAfter() : 0);
      p.setSkipFirstHeader(i == 0 ? t.isSkipFirstHeader() : true);
      float needed = heights[i] + p.spacingBefore()
          + (p.isSkipFirstHeader() ? 0 : t.getHeaderHeight());
      if (r.kept() && !pageTop && needed > y() - document.bottom()) {
        newPage();
        p.setSkipFirstHeader(false); // a new page starts under the header rows
      }
      lay(p);
    }
  }

  private void lay(Element e) {
    unit++;
    column.addElement(e);
    int emptyPages = 0;
    while (true) {
      // spacing before an element is left out at the top of a page, as a printer does
      column.setAdjustFirstLine(pageTop);
      float before = column.getYLine();
      PdfContentByte page = writer.getDirectContent();
      PdfDictionary props = new PdfDictionary();
      props.put(new PdfName("U"), new PdfNumber(unit));
      page.beginMarkedContentSequence(UNIT, props, true);
      page.saveState();
      int status;
      try {
        status = column.go();
      } catch (DocumentException ex) {
        throw new IllegalStateException("OpenPDF refused an element", ex);
      }
      page.restoreState();
      page.endMarkedContentSequence();
      boolean done = !ColumnText.hasMoreText(status);
      if (column.getYLine() != before) {
        pageTop = false;
        marks.part(unit, page(), column.getYLine() + (done ? spacingAfter(e) : 0));
      }
      if (done) {
        return;
      }
      emptyPages = pageTop ? emptyPages + 1 : 0;
      if (emptyPages > 2) {
        throw new TooTall();
      }
      if (e instanceof PdfPTable t && column.getYLine() == before) {
        // none of the table fitted here: on the next page it starts under its header rows
        t.setSkipFirstHeader(false);
      }
      newPage();
    }
  }

  private static float spacingAfter(Element e) {
    return e instanceof PdfPTable t ? t.spacingAfter()
        : e instanceof com.lowagie.text.Paragraph p ? p.getSpacingAfter() : 0;
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

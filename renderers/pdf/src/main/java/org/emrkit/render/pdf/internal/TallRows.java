package org.emrkit.render.pdf.internal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BidiLine;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPRow;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPTableEvent;
import com.lowagie.text.pdf.PdfWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * A table row taller than a page, cut into rows of a few lines each, so that it prints in time
 * that grows with its length. OpenPDF splits a row that does not fit at the foot of a page and,
 * for each split, copies and lays out everything left of the row to know its height
 * ({@code PdfPRow.splitRow}): a 病情观察 of 256,000 characters, about 150 pages of one cell,
 * took 6–16 seconds, and time grew with the square of the length.
 *
 * <p>The cuts fall between lines, where OpenPDF itself breaks them: each paragraph's lines are
 * found by OpenPDF's own line breaker ({@link BidiLine}, with the chunks' fonts and line-breaking
 * rules) on the cell's width, and a paragraph crossing a cut is printed as two with the text of
 * the same lines. The pieces are drawn as one cell: no rule between them, the row's other cells
 * printed in the first piece (where OpenPDF prints them when it splits a row), every piece
 * carrying the row's mark, so that the row is still one unit for continuation printing.
 */
final class TallRows {

  /** How many cuts in a row may be refused before one is made anyway: see {@link #split}. */
  static final int MAX_REFUSED = 8;

  /** The space under each piece's text, in points: see {@link #cell}. */
  static final float SLACK = 0.05f;

  private TallRows() {}

  /**
   * A table of {@code t}'s header rows and its row {@code k} in pieces of about {@code budget}
   * points: split where a page ends (the pieces are one row: it may break anywhere), with a rule
   * over and under its part on each page when its cells are ruled.
   */
  static PdfPTable table(PdfPTable t, int k, float budget) {
    PdfPTable p = TableRows.piece(t, pieces(t, k, budget));
    p.setSplitLate(false);
    for (PdfPCell c : t.getRow(k).getCells()) {
      if (c != null && c.hasBorder(Rectangle.BOTTOM)) {
        p.setTableEvent(new Foot(c.getBorderWidthBottom(), c.getBorderColorBottom()));
        break;
      }
    }
    return p;
  }

  /**
   * The rules over and under the row's part on each page: the pieces have none between them,
   * and the piece a page ends in would otherwise stand open at the foot of the page, the piece
   * the next starts with open at its top when the table has no header rows to close it.
   */
  private record Foot(float width, java.awt.Color color) implements PdfPTableEvent {
    @Override
    public void tableLayout(PdfPTable table, float[][] widths, float[] heights, int headerRows,
        int rowStart, PdfContentByte[] canvases) {
      float[] x = widths[widths.length - 1];
      PdfContentByte line = canvases[PdfPTable.LINECANVAS];
      line.saveState();
      line.setLineWidth(width);
      line.setColorStroke(color == null ? java.awt.Color.BLACK : color);
      for (float y : new float[] {heights[Math.min(headerRows, heights.length - 1)],
          heights[heights.length - 1]}) {
        line.moveTo(x[0], y);
        line.lineTo(x[x.length - 1], y);
      }
      line.stroke();
      line.restoreState();
    }
  }

  /**
   * The row {@code k} of {@code t} (whose width is set) in pieces of about {@code budget}
   * points of text each; the row itself when none of its cells holds more than one piece.
   */
  static List<PdfPRow> pieces(PdfPTable t, int k, float budget) {
    PdfPRow row = t.getRow(k);
    PdfPCell[] cells = row.getCells();
    float[] widths = t.getAbsoluteWidths();
    List<List<List<Element>>> byCell = new ArrayList<>();
    int n = 1;
    for (int c = 0; c < cells.length; c++) {
      PdfPCell cell = cells[c];
      if (cell == null) {
        byCell.add(null);
        continue;
      }
      float width = -cell.getEffectivePaddingLeft() - cell.getEffectivePaddingRight();
      for (int s = c; s < Math.min(widths.length, c + cell.getColspan()); s++) {
        width += widths[s];
      }
      List<List<Element>> parts = split(cell, width, budget);
      byCell.add(parts); // null: the cell whole in the first piece
      n = Math.max(n, parts == null ? 1 : parts.size());
    }
    if (n == 1) {
      return List.of(row);
    }
    List<PdfPRow> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      PdfPCell[] piece = new PdfPCell[cells.length];
      for (int c = 0; c < cells.length; c++) {
        if (cells[c] == null) {
          continue;
        }
        List<List<Element>> parts = byCell.get(c);
        piece[c] = parts == null ? whole(cells[c], i, n)
            : cell(cells[c], i < parts.size() ? parts.get(i) : List.of(), i, n);
      }
      PdfPRow r = new PdfPRow(piece);
      r.setWidths(widths);
      out.add(r);
    }
    return out;
  }

  /**
   * A piece of a cell printed whole in the first piece (a phrase, an image): the cell itself
   * there, then its look with nothing in it.
   */
  private static PdfPCell whole(PdfPCell cell, int i, int n) {
    PdfPCell out = new PdfPCell(cell);
    if (i > 0) {
      out.setPhrase(null); // no text, no image
    }
    return joined(cell, out, i, n);
  }

  /**
   * A piece of {@code cell}: its look, {@code content}, no rule and no padding where it meets
   * the others.
   */
  private static PdfPCell cell(PdfPCell cell, List<Element> content, int i, int n) {
    PdfPCell out = new PdfPCell(cell);
    ColumnText column = ColumnText.duplicate(cell.getColumn());
    column.setText(null);
    out.setColumn(column);
    Paragraph last = null;
    for (Element e : content) {
      out.addElement(e);
      last = e instanceof Paragraph p ? p : last;
    }
    if (last != null) {
      // a twentieth of a point under the piece's last line, as a line of its own: OpenPDF
      // measures a cell at one height on the page and draws it at another, and a last line
      // that fitted exactly when measured may miss by the floats' rounding when drawn, and is
      // then left out (a test drawing pieces of 40 lines 14,000 points up a page lost some,
      // where a float's step is a thousandth of a point; on paper it is sixteen times less).
      // Not a minimum height: OpenPDF gives the rest of a split cell its whole minimum height.
      // A space alone prints nothing, in the paragraph's font (nothing of another font)
      out.addElement(new Paragraph(SLACK, " ", last.getFont()));
    }
    return joined(cell, out, i, n);
  }

  /** The piece {@code out} of {@code cell} without a rule or padding where pieces meet. */
  private static PdfPCell joined(PdfPCell cell, PdfPCell out, int i, int n) {
    out.setMinimumHeight(0); // the row is taller than any height asked of it
    // no padding where pieces meet: their lines follow one another as in one cell
    if (i > 0) {
      out.setPaddingTop(0);
    }
    if (i < n - 1) {
      out.setPaddingBottom(0);
    }
    int border = cell.getBorder();
    if (border != Rectangle.UNDEFINED) {
      if (i > 0) {
        border &= ~Rectangle.TOP;
      }
      if (i < n - 1) {
        border &= ~Rectangle.BOTTOM;
      }
      out.setBorder(border);
    }
    return out;
  }

  /**
   * The cell's content in pieces of about {@code budget} points, cut between lines of a
   * paragraph {@code width} wide; content other than paragraphs of text goes whole into the
   * piece it starts in. Null for a cell of a phrase or an image, which the first piece prints
   * whole.
   */
  static List<List<Element>> split(PdfPCell cell, float width, float budget) {
    List<?> content = cell.getCompositeElements();
    if (content == null || cell.getImage() != null || cell.getTable() != null) {
      return null; // a phrase, an image: printed whole in the first piece
    }
    List<List<Element>> out = new ArrayList<>();
    List<Element> piece = new ArrayList<>();
    out.add(piece);
    float used = 0;
    for (Object o : content) {
      Element e = (Element) o;
      if (!(e instanceof Paragraph p) || !textOnly(p) || p.getTotalLeading() <= 0) {
        piece.add(e);
        continue;
      }
      float line = p.getTotalLeading();
      Text text = Text.of(p);
      List<Integer> starts = text.lineStarts(width);
      int first = 0; // the paragraph's first line in this piece
      int refused = 0;
      for (int j = 0; j < starts.size(); j++) {
        if (used + line > budget && used > 0) {
          if (j == first) { // none of the paragraph yet: it starts the next piece
            piece = new ArrayList<>();
            out.add(piece);
            used = 0;
          } else if (refused >= MAX_REFUSED || keeps(text, width, starts, first, j)) {
            // (after a few cuts in a row that would move a line, one is made anyway: its lines
            // may break differently near it, and trying on would cost time growing with the
            // square of the paragraph)
            piece.add(text.part(starts.get(first), starts.get(j), false));
            first = j;
            refused = 0;
            piece = new ArrayList<>();
            out.add(piece);
            used = 0;
          } else { // this piece takes the line too, and a cut is tried after it
            refused++;
          }
        }
        used += line;
      }
      int from = starts.get(first);
      piece.add(from == 0 ? p : text.part(from, text.text().length(), true));
    }
    return out;
  }

  /**
   * Whether the lines {@code first} to {@code j} (exclusive) of the paragraph, printed as a
   * paragraph of their own, break where they break in the whole paragraph. Mostly they do; but
   * where a line broke back to a space because a long word did not fit, the line before a cut
   * inside that word sees a shorter word, and may take it.
   */
  private static boolean keeps(Text text, float width, List<Integer> starts, int first, int j) {
    int from = starts.get(first);
    List<Integer> alone = Text.of(text.part(from, starts.get(j), false)).lineStarts(width);
    if (alone.size() != j - first) {
      return false;
    }
    for (int i = 0; i < alone.size(); i++) {
      if (alone.get(i) + from != starts.get(first + i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean textOnly(Paragraph p) {
    for (Object o : p) {
      if (!(o instanceof Chunk c) || c.getImage() != null) {
        return false;
      }
    }
    return true;
  }

  /**
   * A paragraph of text chunks as one string, with where each chunk starts in it: its lines and
   * its parts are found without going over the whole paragraph each time.
   */
  record Text(Paragraph paragraph, String text, List<Chunk> chunks, int[] at) {

    static Text of(Paragraph p) {
      List<Chunk> chunks = new ArrayList<>();
      StringBuilder b = new StringBuilder();
      int[] at = new int[p.getChunks().size()];
      for (Object o : p.getChunks()) {
        at[chunks.size()] = b.length();
        chunks.add((Chunk) o);
        b.append(((Chunk) o).getContent());
      }
      return new Text(p, b.toString(), chunks, at);
    }

    /**
     * Where each line starts, in the text, as OpenPDF breaks it on a column {@code width}
     * wide: its own line breaker on each stretch of text between line feeds (each starting
     * with the first-line indent, as OpenPDF's paragraphs do). A line after a break starts
     * after the spaces and invisible marks (U+200B and its kin) OpenPDF leaves out there.
     */
    List<Integer> lineStarts(float width) {
      Paragraph p = paragraph;
      List<Integer> out = new ArrayList<>();
      int from = 0;
      while (true) {
        int end = from;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
          end++;
        }
        out.add(from);
        if (end > from) {
          Phrase stretch = new Phrase();
          for (Chunk c : chunks(from, end)) {
            stretch.add(c);
          }
          Lines lines = new Lines(stretch);
          float first = width - p.getIndentationLeft() - p.getIndentationRight()
              - p.getFirstLineIndent();
          float rest = width - p.getIndentationLeft() - p.getIndentationRight();
          int at = lines.next(first);
          while (at >= 0 && from + at < end) {
            int s = from + at;
            while (s < end && (text.charAt(s) <= ' '
                || com.lowagie.text.pdf.PdfChunk.noPrint(text.charAt(s)))) {
              s++; // OpenPDF starts a line after a break past its spaces and invisible marks
            }
            if (s >= end) {
              break;
            }
            out.add(s);
            at = lines.next(rest);
          }
        }
        if (end == text.length()) {
          return out;
        }
        // a line feed (CR, LF or CR LF, as OpenPDF reads them) starts a line, unless it ends
        // the text
        from = end + (text.startsWith("\r\n", end) ? 2 : 1);
        if (from == text.length()) {
          return out;
        }
      }
    }

    /**
     * The text {@code from}–{@code to} as a paragraph of its own: the same look, with no space
     * before where it continues the text before it, no first-line indent within a stretch of
     * text, and no space after where the text goes on ({@code last} false). (OpenPDF indents
     * the first line after every line feed; a part that starts within a stretch and holds a line
     * feed loses that indent after it. Cells' paragraphs have none: {@link #keeps} would refuse
     * such cuts, {@link #MAX_REFUSED} bounds the tries.)
     */
    Paragraph part(int from, int to, boolean last) {
      Paragraph p = paragraph;
      // its look copied, not its text (the copy constructor copies every chunk: a paragraph of
      // 256,000 characters cut in 600 parts copied 150 million characters)
      Paragraph out = new Paragraph(0, "", p.getFont());
      out.setLeading(p.getLeading(), p.getMultipliedLeading());
      out.setAlignment(p.getAlignment());
      out.setIndentationLeft(p.getIndentationLeft());
      out.setIndentationRight(p.getIndentationRight());
      boolean stretch = from == 0 || text.charAt(from - 1) == '\n' || text.charAt(from - 1) == '\r';
      out.setFirstLineIndent(stretch ? p.getFirstLineIndent() : 0);
      out.setSpacingBefore(from == 0 ? p.getSpacingBefore() : 0);
      out.setSpacingAfter(last ? p.getSpacingAfter() : 0);
      out.setExtraParagraphSpace(p.getExtraParagraphSpace());
      out.setRunDirection(p.getRunDirection());
      out.setKeepTogether(p.getKeepTogether());
      out.setHyphenation(p.getHyphenation());
      for (Chunk c : chunks(from, to)) {
        out.add(c);
      }
      return out;
    }

    /** The chunks of the text {@code from}–{@code to}, cut where they cross it. */
    private List<Chunk> chunks(int from, int to) {
      List<Chunk> out = new ArrayList<>();
      int k = java.util.Arrays.binarySearch(at, from);
      for (k = Math.max(0, k >= 0 ? k : -k - 2); k < chunks.size() && at[k] < to; k++) {
        Chunk c = chunks.get(k);
        String s = c.getContent();
        int a = Math.max(from, at[k]);
        int b = Math.min(to, at[k] + s.length());
        if (a >= b) {
          continue;
        }
        if (a == at[k] && b == at[k] + s.length()) {
          out.add(c);
        } else {
          Chunk cut = new Chunk(s.substring(a - at[k], b - at[k]), c.getFont());
          if (c.getChunkAttributes() != null) {
            cut.setChunkAttributes(new HashMap<>(c.getChunkAttributes()));
          }
          out.add(cut);
        }
      }
      return out;
    }
  }

  /**
   * OpenPDF's line breaker over one line of text (no line feeds): {@link ColumnText} makes its
   * {@link BidiLine} of the chunks as it does for a paragraph it lays out; a copy of it tells
   * where each line ends.
   */
  private static final class Lines extends ColumnText {
    private final Counting bidi;

    Lines(Phrase text) {
      super(null);
      addText(text);
      addText(new Phrase()); // the first text waits for the second; the second adds nothing
      bidi = new Counting(bidiLine);
    }

    /** Where the next line {@code width} wide ends, or -1 after the last. */
    int next(float width) {
      return bidi.processLine(0, width, Element.ALIGN_LEFT, PdfWriter.RUN_DIRECTION_NO_BIDI, 0)
          == null ? -1 : bidi.at();
    }
  }

  private static final class Counting extends BidiLine {
    Counting(BidiLine line) {
      super(line);
    }

    int at() {
      return currentChar;
    }
  }
}

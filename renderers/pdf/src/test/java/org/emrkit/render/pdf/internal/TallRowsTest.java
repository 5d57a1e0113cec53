package org.emrkit.render.pdf.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPRow;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.emrkit.testing.Seeds;
import org.junit.jupiter.api.Test;

/**
 * A row taller than a page, cut into pieces ({@link TallRows}), prints the lines the whole row
 * prints, each where the whole row prints it: over random text (Chinese with its punctuation,
 * Latin words, numbers with units, runs of spaces, blank lines, CR LF, a word longer than the
 * column, bold runs, dates that break only at spaces), random column widths, text sizes and
 * paddings, and random piece sizes (seeded; the seed is printed). Both are drawn on one page
 * tall enough to hold them, read back with PDFBox, and compared line by line: the text of each
 * line and its height on the page.
 */
class TallRowsTest {

  private static final Styles STYLES = new Styles(List.of(Fonts.notoRegular()),
      List.of(Fonts.notoBold()));
  private static final String[] WORDS = {"患者诉胸闷，予吸氧、心电监护，通知医师。", "血压130/80mmHg，",
      "SpO₂ 98%", "《护理常规》（一级）", "“遵医嘱”", "继续观察", " ", "   ", "\n", "\n\n", "\r\n",
      "Pneumonoultramicroscopicsilicovolcanoconiosis", "follow up in two weeks ", "…", "——",
      "　", "！", "0.9%氯化钠注射液 250ml ivgtt qd", "患者夜间睡眠可，生命体征平稳。",
      "继续观察\u200B\n", "\u200D", "\u200E", // invisible marks OpenPDF trims at a line's end
      "\n Pneumonoultramicroscopicsilicovolcanoconiosis"}; // a cut the line before would change

  @Test
  void piecesPrintEachLineOfTheWholeRowWhereTheWholeRowPrintsIt() {
    Seeds.check("tall rows cut between lines", 30, TallRowsTest::check);
  }

  @Test
  void aCellOfAPhraseBesideTheTallOneIsPrintedOnceInTheFirstPiece() throws Exception {
    PdfPCell tall = cell(2);
    tall.addElement(paragraph(new SplittableRandom(3), "患者夜间睡眠可，生命体征平稳。".repeat(60), 10));
    PdfPCell phrase = new PdfPCell(STYLES.plain("赵芳", 10));
    PdfPTable t = new PdfPTable(2);
    t.setTotalWidth(240);
    t.setLockedWidth(true);
    t.addCell(tall);
    t.addCell(phrase);
    List<PdfPRow> pieces = TallRows.pieces(t, 0, 80);
    assertThat(pieces).hasSizeGreaterThan(3);
    String printed = String.join("", lines(TableRows.piece(t, pieces), 240).stream()
        .map(Line::text).toList()).replaceAll("\\s", "");
    assertThat(printed.split("赵芳", -1)).as(printed).hasSize(2);
    assertThat(printed.replace("赵芳", "")).isEqualTo(
        "患者夜间睡眠可，生命体征平稳。".repeat(60));
  }

  @Test
  void eachPageOfATallRowIsRuledAboveAndBelowWithoutHeaderRows() throws Exception {
    // pieces have no rule where they meet: the part of the row on each page is closed by the
    // table's rules over and under it (OpenPDF's own split drew a whole cell on each page)
    PdfPCell tall = cell(2);
    tall.addElement(paragraph(new SplittableRandom(5), "患者夜间睡眠可，生命体征平稳。".repeat(200), 10));
    PdfPTable t = new PdfPTable(1);
    t.setTotalWidth(200);
    t.setLockedWidth(true);
    t.addCell(tall);
    PdfPTable p = TallRows.table(t, 0, 300);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document d = new Document(new Rectangle(240, 400), 20, 20, 20, 20);
    PdfWriter w = PdfWriter.getInstance(d, out);
    d.open();
    ColumnText column = new ColumnText(w.getDirectContent());
    column.addElement(p);
    int pages = 1;
    while (true) {
      column.setSimpleColumn(20, 20, 220, 380);
      if (!ColumnText.hasMoreText(column.go())) {
        break;
      }
      d.newPage();
      pages++;
    }
    d.close();
    assertThat(pages).isGreaterThan(3);
    try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        List<Float> rules = Rules.horizontal(doc.getPage(i), 150);
        List<Line> text = lines(doc, i);
        float top = text.get(0).y();
        float bottom = text.get(text.size() - 1).y();
        assertThat(rules).as("page %d: a rule over the first line", i + 1)
            .anyMatch(y -> y < top && y > top - 30);
        assertThat(rules).as("page %d: a rule under the last line", i + 1)
            .anyMatch(y -> y > bottom && y < bottom + 30);
      }
    }
  }

  @Test
  void twoTallCellsAreCutAtTheSameLinesWhenNoCutIsRefused() throws Exception {
    // each cell is cut on its own, at the same number of lines: they stay side by side. (Where
    // a cut is refused in one, as a long word after a space can make it, the other shows a
    // line's gap in that piece: not handled yet)
    String words = ("患者 Pneumonoultramicroscopicsilicovolcanoconiosis。").repeat(12);
    PdfPCell a = cell(2);
    a.addElement(paragraph(new SplittableRandom(1), words, 10));
    PdfPCell b = cell(2);
    b.addElement(paragraph(new SplittableRandom(2), "患者夜间睡眠可，生命体征平稳。".repeat(20), 10));
    PdfPTable whole = table(new PdfPCell[] {a, b}, 90);
    List<PdfPRow> pieces = TallRows.pieces(whole, 0, 10 * 1.55f * 2);
    assertThat(pieces).hasSizeGreaterThan(10);
    PdfPCell[] again = {new PdfPCell(a), new PdfPCell(b)};
    for (PdfPCell c : again) {
      c.setMinimumHeight(whole.getRowHeight(0) + 1);
    }
    List<Line> want = lines(table(again, 90), 180);
    List<Line> got = lines(TableRows.piece(whole, pieces), 180);
    assertThat(got.stream().map(Line::text).toList())
        .isEqualTo(want.stream().map(Line::text).toList());
    for (int i = 1; i < want.size(); i++) {
      assertThat(got.get(i).y() - got.get(i - 1).y()).as("line %d", i)
          .isCloseTo(want.get(i).y() - want.get(i - 1).y(),
              org.assertj.core.data.Offset.offset(0.2f));
    }
  }

  @Test
  void aRowThatFitsItsBudgetIsLeftWhole() {
    PdfPCell cell = cell(3);
    cell.addElement(paragraph(new SplittableRandom(1), "患者安静。", 10));
    PdfPTable t = table(cell, 200);
    assertThat(TallRows.pieces(t, 0, 100)).containsExactly(t.getRow(0));
  }

  private static void check(SplittableRandom r) throws Exception {
    float size = 8 + r.nextInt(5);
    float width = 30 + r.nextInt(300);
    // as many characters as about 200 lines hold, drawn on a page as tall as they need (high
    // up a page a float's step is larger, and OpenPDF loses lines that fit exactly: see below)
    int chars = 50 + r.nextInt(Math.max(1, (int) (200 * width / size * 0.8) - 50));
    // (two tall cells side by side are cut independently: where a cut is refused in one, the
    // other shows a line's gap; see twoTallCellsAreCutAtTheSameLines...)
    PdfPCell[] cells = {textCell(r, chars, size, 1 + r.nextInt(4))};
    PdfPTable whole = table(cells, width);
    float budget = size * 1.55f * (1 + r.nextInt(40));
    List<PdfPRow> pieces = TallRows.pieces(whole, 0, budget);
    float height = whole.getRowHeight(0);
    if (height > 2 * budget + 4 * size) {
      assertThat(pieces).as("a row %s points tall in pieces of %s", height, budget).hasSizeGreaterThan(1);
    }
    PdfPTable cut = TableRows.piece(whole, pieces);
    // the whole row as OpenPDF prints it, with a point of room under it: drawn high up a tall
    // page, where a float's step is a thousandth of a point, OpenPDF left out the last of
    // hundreds of lines of a cell they fitted exactly, as the rounding of each line's place
    // added up (found by this test)
    PdfPCell[] again = new PdfPCell[cells.length];
    for (int c = 0; c < cells.length; c++) {
      again[c] = new PdfPCell(whole.getRow(0).getCells()[c]);
      again[c].setMinimumHeight(height + 1);
    }
    PdfPTable reference = table(again, width);
    List<Line> a = lines(reference, width);
    List<Line> b = lines(cut, width);
    assertThat(a).as("the whole row printed %d lines", a.size()).isNotEmpty();
    String what = String.format("%d pieces of %s points, %s points wide, %s-point text, %d"
        + " cells", pieces.size(), budget, width, size, cells.length);
    assertThat(b.stream().map(Line::text).toList()).as(what)
        .isEqualTo(a.stream().map(Line::text).toList());
    // each line as far under the one before as in the whole row (a padding or a line left
    // between pieces would add a point or more), but for the floats' rounding on this tall
    // page, the content stream's two decimals, and the slack under each piece
    for (int i = 0; i < a.size(); i++) {
      float was = i == 0 ? a.get(0).y() : a.get(i).y() - a.get(i - 1).y();
      float is = i == 0 ? b.get(0).y() : b.get(i).y() - b.get(i - 1).y();
      assertThat(is).as("%s: line %d, %s", what, i, a.get(i).text())
          .isCloseTo(was, org.assertj.core.data.Offset.offset(0.04f
              + TallRows.SLACK * (2 + was / budget))); // the slack of each piece between them
    }
  }

  /** A printed line: its height from the page's top, its text. */
  private record Line(float y, String text) {}

  private static Paragraph paragraph(SplittableRandom r, String text, float size) {
    Paragraph p = new Paragraph("", STYLES.font(size));
    p.setLeading(size * 1.55f);
    Phrase all = new Phrase("", STYLES.font(size));
    int at = 0;
    while (at < text.length()) {
      int end = Math.min(text.length(), at + 1 + r.nextInt(200));
      String part = text.substring(at, end);
      int kind = r.nextInt(8);
      if (kind == 0) {
        all.add(STYLES.phrase(part, true, false, 0, size, java.awt.Color.BLACK));
      } else if (kind == 1) {
        Phrase dated = STYLES.plain(part, size);
        for (Object o : dated.getChunks()) {
          ((Chunk) o).setSplitCharacter(new BreakAfter(' '));
        }
        all.add(dated);
      } else {
        all.add(STYLES.plain(part, size));
      }
      at = end;
    }
    p.addAll(Styles.merged(all.getChunks()));
    p.setSpacingAfter(0);
    return p;
  }

  /** A cell of one to three paragraphs of about {@code chars} random characters. */
  private static PdfPCell textCell(SplittableRandom r, int chars, float size, float padding) {
    StringBuilder text = new StringBuilder();
    while (text.length() < chars) {
      text.append(WORDS[r.nextInt(WORDS.length)]);
    }
    // one to three paragraphs (a cell holding a value and the text around it)
    PdfPCell cell = cell(padding);
    int paragraphs = 1 + r.nextInt(3);
    for (int i = 0, at = 0; i < paragraphs; i++) {
      int end = i == paragraphs - 1 ? text.length() : at + r.nextInt(text.length() - at + 1);
      cell.addElement(paragraph(r, text.substring(at, end), size));
      at = end;
    }
    return cell;
  }

  private static PdfPCell cell(float padding) {
    PdfPCell cell = new PdfPCell();
    cell.setPadding(padding);
    cell.setBorderWidth(0.5f);
    return cell;
  }

  private static PdfPTable table(PdfPCell cell, float width) {
    return table(new PdfPCell[] {cell}, width);
  }

  /** A row of cells side by side, each {@code width} wide. */
  private static PdfPTable table(PdfPCell[] cells, float width) {
    PdfPTable t = new PdfPTable(cells.length);
    t.setTotalWidth(width * cells.length);
    t.setLockedWidth(true);
    for (PdfPCell c : cells) {
      t.addCell(c);
    }
    return t;
  }

  /** Horizontal rules drawn on a page at least {@code length} long, by height from the top. */
  static final class Rules extends org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine {
    private final List<Float> out = new ArrayList<>();
    private final float length;
    private java.awt.geom.Point2D at;

    private Rules(org.apache.pdfbox.pdmodel.PDPage page, float length) {
      super(page);
      this.length = length;
    }

    static List<Float> horizontal(org.apache.pdfbox.pdmodel.PDPage page, float length)
        throws IOException {
      Rules r = new Rules(page, length);
      r.processPage(page);
      return r.out;
    }

    @Override
    public void moveTo(float x, float y) {
      at = new java.awt.geom.Point2D.Float(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
      if (at != null && Math.abs(at.getY() - y) < 0.01 && Math.abs(at.getX() - x) >= length) {
        out.add(getPage().getMediaBox().getHeight() - y);
      }
      at = new java.awt.geom.Point2D.Float(x, y);
    }

    @Override
    public void appendRectangle(java.awt.geom.Point2D p0, java.awt.geom.Point2D p1,
        java.awt.geom.Point2D p2, java.awt.geom.Point2D p3) {}

    @Override
    public void drawImage(org.apache.pdfbox.pdmodel.graphics.image.PDImage pdImage) {}

    @Override
    public void clip(int windingRule) {}

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {}

    @Override
    public java.awt.geom.Point2D getCurrentPoint() {
      return at;
    }

    @Override
    public void closePath() {}

    @Override
    public void endPath() {}

    @Override
    public void strokePath() {}

    @Override
    public void fillPath(int windingRule) {}

    @Override
    public void fillAndStrokePath(int windingRule) {}

    @Override
    public void shadingFill(org.apache.pdfbox.cos.COSName shadingName) {}
  }

  /** The lines of text on a page, each as its height from the top and its text. */
  private static List<Line> lines(PDDocument doc, int page) throws IOException {
    List<Line> lines = new ArrayList<>();
    PDFTextStripper s = new PDFTextStripper() {
      @Override
      protected void writeString(String text, List<TextPosition> positions) {
        if (!text.isBlank()) {
          lines.add(new Line(positions.get(0).getYDirAdj(), text));
        }
      }
    };
    s.setSortByPosition(true);
    s.setStartPage(page + 1);
    s.setEndPage(page + 1);
    s.getText(doc);
    return lines;
  }

  /** The lines of text the table prints, each as its height on the page and its text. */
  private static List<Line> lines(PdfPTable t, float width) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    float height = Math.min(14_400, t.getTotalHeight() + 20);
    Document d = new Document(new Rectangle(t.getTotalWidth() + 20, height), 10, 10, 10, 10);
    PdfWriter w = PdfWriter.getInstance(d, out);
    d.open();
    t.writeSelectedRows(0, -1, 10, height - 10, w.getDirectContent());
    d.close();
    List<Line> lines = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
      PDFTextStripper s = new PDFTextStripper() {
        @Override
        protected void writeString(String text, List<TextPosition> positions) {
          if (!text.isBlank()) { // spaces alone print nothing (beside another column's text,
            // a line of spaces is a space more between them: white space compared as one)
            lines.add(new Line(positions.get(0).getYDirAdj(), text.strip()
                .replaceAll("\\s+", " ")));
          }
        }
      };
      s.setSortByPosition(true);
      s.getText(doc);
    }
    return lines;
  }
}

package org.emrkit.render.pdf.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.util.Matrix;

/**
 * Makes a print of a laid-out record (PDFBox): keeps the pages printed, cuts the page a
 * continuation starts on down to the body content after the place it starts at (the units after
 * it, clipped under its rule; nothing else: no running header, footer, stamp or watermark, which
 * that sheet has already), and moves every page by the feed offset.
 *
 * @param pages the pages to keep, as the whole record is numbered
 * @param cutPage the page cut down to what follows {@code cut}, or 0
 * @param cut where the continuation starts on {@code cutPage}
 * @param dx feed offset to the right, points
 * @param dy feed offset down, points
 */
record PrintCut(List<Integer> pages, int cutPage, Marks.Boundary cut, float dx, float dy)
    implements PdfA.Edit {

  private static final COSName UNIT = COSName.getPDFName(Flow.UNIT.toString().substring(1));
  private static final COSName U = COSName.getPDFName("U");

  @Override
  public void apply(PDDocument doc) throws IOException {
    if (cutPage > 0) {
      cut(doc, doc.getPage(cutPage - 1));
    }
    Set<Integer> keep = Set.copyOf(pages);
    for (int i = doc.getNumberOfPages(); i >= 1; i--) {
      if (!keep.contains(i)) {
        doc.removePage(i - 1);
      }
    }
    if (dx != 0 || dy != 0) {
      for (PDPage page : doc.getPages()) {
        try (PDPageContentStream cs = new PDPageContentStream(doc, page,
            PDPageContentStream.AppendMode.PREPEND, false)) {
          cs.transform(Matrix.getTranslateInstance(dx, -dy));
        }
      }
    }
  }

  /**
   * Rewrites the page's content to the units after the cut, all of them clipped to below it: a
   * table split into pieces (rows kept together) starts its next piece on the edge the last
   * printed row ends on, and that rule is on paper already.
   */
  private void cut(PDDocument doc, PDPage page) throws IOException {
    PDFStreamParser parser = new PDFStreamParser(page);
    List<Object> tokens = parser.parse();
    List<Object> out = new ArrayList<>();
    clip(out, page);
    int depth = 0;
    int unit = -1;
    List<Object> operands = new ArrayList<>();
    for (Object t : tokens) {
      if (!(t instanceof Operator op)) {
        operands.add(t);
        continue;
      }
      String name = op.getName();
      if (unit < 0 && "BDC".equals(name) && operands.size() == 2
          && UNIT.equals(operands.get(0)) && operands.get(1) instanceof COSDictionary d
          && d.getDictionaryObject(U) instanceof COSNumber n) {
        unit = n.intValue();
        depth = 0;
      }
      if (unit >= 0) {
        depth += "BDC".equals(name) || "BMC".equals(name) ? 1 : "EMC".equals(name) ? -1 : 0;
        if (unit >= cut.from()) {
          out.addAll(operands);
          out.add(op);
        }
        unit = depth == 0 ? -1 : unit;
      }
      operands.clear();
    }
    out.add(Operator.getOperator("Q"));
    PDStream stream = new PDStream(doc);
    try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
      new ContentStreamWriter(os).writeTokens(out);
    }
    page.setContents(stream);
  }

  /** Saves the state and clips to the page under the row edge (its rule is on paper already). */
  private void clip(List<Object> out, PDPage page) {
    float width = page.getMediaBox().getWidth();
    float y = cut.y() - Marks.HALF_RULE;
    out.add(Operator.getOperator("q"));
    for (float v : new float[] {0, 0, width, y}) {
      out.add(new COSFloat(v));
    }
    out.add(Operator.getOperator("re"));
    out.add(Operator.getOperator("W"));
    out.add(Operator.getOperator("n"));
  }
}

package org.emrkit.conformance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The text a reader sees in each format, read back with the format's own maintained library
 * (jsoup, PDFBox, POI), split into the body and the page areas (running header, footer and print
 * stamp), with all white space removed: the conformance test compares these.
 */
final class VisibleText {

  /** What one format shows: the body, and the page areas of each page. */
  record Text(String body, List<String> areas, List<String> pageBodies) {}

  private VisibleText() {}

  static String squeeze(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
        .forEach(sb::appendCodePoint);
    return sb.toString();
  }

  /** The HTML view (a fragment); page number and count read {@code page} and {@code pages}. */
  static Text html(String html, int page, int pages) {
    Element record = Jsoup.parseBodyFragment(html).selectFirst(".emr-record");
    record.select(".emr-page-number").forEach(e -> e.text(String.valueOf(page)));
    record.select(".emr-page-count").forEach(e -> e.text(String.valueOf(pages)));
    record.select(".emr-watermark").remove();
    StringBuilder areas = new StringBuilder();
    for (String area : new String[] {".emr-page-header", ".emr-page-footer"}) {
      Element e = record.selectFirst(area);
      if (e != null) {
        areas.append(e.text());
        e.remove();
      }
    }
    return new Text(squeeze(record.text()), List.of(squeeze(areas.toString())), List.of());
  }

  /**
   * A PDF, in content-stream order: per page the body text and the text marked as pagination
   * artifacts (running header, footer, stamp).
   */
  static Text pdf(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      Stripper s = new Stripper();
      for (int i = 1; i <= doc.getNumberOfPages(); i++) {
        s.setStartPage(i);
        s.setEndPage(i);
        s.getText(doc);
      }
      return new Text(String.join("", s.bodies), s.areas, s.bodies);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Collects glyphs in stream order, apart inside {@code /Artifact} marked content. */
  private static final class Stripper extends PDFTextStripper {
    final List<String> bodies = new ArrayList<>();
    final List<String> areas = new ArrayList<>();
    private final Deque<Boolean> artifact = new ArrayDeque<>();
    private StringBuilder body;
    private StringBuilder area;

    Stripper() throws IOException {
      setSortByPosition(false);
    }

    @Override
    protected void startPage(PDPage page) {
      body = new StringBuilder();
      area = new StringBuilder();
    }

    @Override
    protected void endPage(PDPage page) {
      bodies.add(squeeze(body.toString()));
      areas.add(squeeze(area.toString()));
    }

    @Override
    public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
      artifact.push(COSName.getPDFName("Artifact").equals(tag)
          || !artifact.isEmpty() && artifact.peek());
    }

    @Override
    public void endMarkedContentSequence() {
      if (!artifact.isEmpty()) {
        artifact.pop();
      }
    }

    @Override
    protected void processTextPosition(TextPosition text) {
      (!artifact.isEmpty() && artifact.peek() ? area : body).append(text.getUnicode());
    }
  }

  /** A Word document: the body, then the header and footer parts as one area. */
  static Text docx(byte[] docx) {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      StringBuilder body = new StringBuilder();
      elements(doc.getBodyElements(), body);
      StringBuilder areas = new StringBuilder();
      for (XWPFHeaderFooter h : doc.getHeaderList()) {
        elements(h.getBodyElements(), areas);
      }
      for (XWPFHeaderFooter f : doc.getFooterList()) {
        elements(f.getBodyElements(), areas);
      }
      return new Text(squeeze(body.toString()), List.of(squeeze(areas.toString())), List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void elements(List<IBodyElement> elements, StringBuilder out) {
    for (IBodyElement e : elements) {
      if (e instanceof XWPFParagraph p) {
        out.append(p.getText());
      } else if (e instanceof XWPFTable t) {
        for (XWPFTableRow row : t.getRows()) {
          for (XWPFTableCell cell : row.getTableCells()) {
            elements(cell.getBodyElements(), out);
          }
        }
      } else if (e instanceof XWPFSDT sdt) {
        out.append(sdt.getContent().getText());
      }
    }
  }
}

package org.emrkit.conformance;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** The text a PDF draws in one fill colour (痕迹打印's red and blue), in stream order. */
final class PdfColours {

  private PdfColours() {}

  static String textIn(byte[] pdf, Color colour) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      StringBuilder out = new StringBuilder();
      PDFTextStripper s = new PDFTextStripper() {
        {
          // a text stripper follows no colour operators of its own
          addOperator(new SetNonStrokingDeviceRGBColor(this));
          addOperator(new SetNonStrokingDeviceGrayColor(this));
          addOperator(new SetNonStrokingColorSpace(this));
          addOperator(new SetNonStrokingColor(this));
          addOperator(new SetNonStrokingColorN(this));
        }

        @Override
        protected void processTextPosition(TextPosition text) {
          float[] rgb = getGraphicsState().getNonStrokingColor().getComponents();
          if (rgb.length == 3 && new Color(rgb[0], rgb[1], rgb[2]).getRGB() == colour.getRGB()) {
            out.append(text.getUnicode());
          }
        }
      };
      s.setSortByPosition(false);
      s.getText(doc);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

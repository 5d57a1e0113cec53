package org.emrkit.render.pdf;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import java.awt.BasicStroke;
import org.emrkit.edit.EditResult;
import org.emrkit.edit.EditSession;
import org.emrkit.edit.PermissionPolicy;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.Values;
import org.emrkit.render.PrintOutcome;
import org.emrkit.render.PrintRequest;
import org.emrkit.template.Template;

/**
 * Test helpers for continuation printing: prints and logs them, grows records through an edit
 * session, and rasterises pages as a printer puts them on paper (100 dpi, no anti-aliasing, so
 * a pixel is inked or not and two prints on one sheet are their pixel-wise darker).
 */
final class Sheets {

  private Sheets() {}

  /** A print's PDF and what it did. */
  record Printed(byte[] pdf, PrintOutcome outcome) {}

  static Printed print(PdfRenderer renderer, Template t, Record r, PrintRequest request) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintOutcome o = renderer.print(t, r, request, out);
    return new Printed(out.toByteArray(), o);
  }

  /** The record with the print logged by its printer. */
  static Record logged(Template t, Record r, PrintOutcome o) {
    EditSession s = EditSession.builder(t, r, o.entry().actor()).clock(
        java.time.Clock.fixed(o.entry().at().toInstant(), o.entry().at().getOffset())).open();
    EditResult res = s.recordPrint(o.entry());
    if (!res.isApplied()) {
      throw new AssertionError("print not logged: " + res.refusal());
    }
    return s.commit();
  }

  /** The record with entries added at the end of a group, by {@code actor}. */
  static Record grown(Template t, Record r, Actor actor, java.time.Clock clock, String group,
      List<Values> entries) {
    return grown(t, r, actor, clock, group, entries, PermissionPolicy.defaults());
  }

  /** The same, under {@code policy} (a generated template's type is in no policy table). */
  static Record grown(Template t, Record r, Actor actor, java.time.Clock clock, String group,
      List<Values> entries, PermissionPolicy policy) {
    EditSession s = EditSession.builder(t, r, actor).clock(clock).policy(policy).open();
    for (Values v : entries) {
      EditResult res = s.addEntry(group, v);
      if (!res.isApplied()) {
        throw new AssertionError("entry not added: " + res.refusal());
      }
    }
    return s.commit();
  }

  /** The pages as a printer inks them, at 100 dpi. */
  static List<BufferedImage> pages(byte[] pdf) throws IOException {
    return pages(pdf, 100, -1);
  }

  /**
   * One page ({@code index} from 0) at {@code dpi}: where ink goes twice is checked at 300 dpi,
   * where a 0.5 pt rule is two pixels wide (Java2D widens a rule thinner than a pixel to a whole
   * pixel, whatever the clip says about its edge).
   */
  static BufferedImage page(byte[] pdf, int index, int dpi) throws IOException {
    return pages(pdf, dpi, index).get(0);
  }

  private static List<BufferedImage> pages(byte[] pdf, int dpi, int only) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFRenderer r = new PDFRenderer(doc) {
        @Override
        protected PageDrawer createPageDrawer(PageDrawerParameters parameters)
            throws IOException {
          return new Printer(parameters);
        }
      };
      r.setRenderingHints(new RenderingHints(Map.of(
          RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF,
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF,
          RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY,
          RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE)));
      r.setSubsamplingAllowed(false);
      List<BufferedImage> out = new ArrayList<>();
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        if (only < 0 || i == only) {
          out.add(r.renderImageWithDPI(i, dpi, ImageType.RGB));
        }
      }
      return out;
    }
  }

  /**
   * PDFBox's page drawer, made to fill each glyph and path the same whatever was drawn before it
   * on the page: Java2D chooses its fill pipeline by the current stroke (after a thin line is
   * stroked, glyphs are filled by another rasteriser and differ at their edges), so the same
   * form XObject rasterised on a page after a line and on a page of its own came out 158 pixels
   * apart. A printer has no such state: the stroke is reset before every fill.
   */
  private static final class Printer extends PageDrawer {
    Printer(PageDrawerParameters parameters) throws IOException {
      super(parameters);
    }

    @Override
    protected void showFontGlyph(Matrix m, PDFont font, int code, Vector displacement)
        throws IOException {
      getGraphics().setStroke(new BasicStroke());
      super.showFontGlyph(m, font, code, displacement);
    }

    @Override
    public void fillPath(int windingRule) throws IOException {
      getGraphics().setStroke(new BasicStroke());
      super.fillPath(windingRule);
    }
  }

  /** The box the ink on a page takes: left, top, right, bottom pixels. */
  static int[] inkBox(BufferedImage a) {
    int[] box = {a.getWidth(), a.getHeight(), -1, -1};
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        if (ink(a.getRGB(x, y))) {
          box[0] = Math.min(box[0], x);
          box[1] = Math.min(box[1], y);
          box[2] = Math.max(box[2], x);
          box[3] = Math.max(box[3], y);
        }
      }
    }
    return box;
  }

  /** Two prints on one sheet: each pixel the darker of the two, channel by channel. */
  static BufferedImage overlay(BufferedImage a, BufferedImage b) {
    BufferedImage out = new BufferedImage(a.getWidth(), a.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        int v = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
          v |= Math.min((p >> shift) & 0xff, (q >> shift) & 0xff) << shift;
        }
        out.setRGB(x, y, v);
      }
    }
    return out;
  }

  /** Pixels that differ. */
  static int differences(BufferedImage a, BufferedImage b) {
    if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
      return Integer.MAX_VALUE;
    }
    int n = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        n += (a.getRGB(x, y) & 0xffffff) == (b.getRGB(x, y) & 0xffffff) ? 0 : 1;
      }
    }
    return n;
  }

  /**
   * Pixels both images ink: ink put twice on the same spot. Ink is darker than the light tints
   * under content (the watermark, header shading), which new content is printed over as the whole
   * record's print has it.
   */
  static int inkedTwice(BufferedImage a, BufferedImage b) {
    int n = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        n += ink(a.getRGB(x, y)) && ink(b.getRGB(x, y)) ? 1 : 0;
      }
    }
    return n;
  }

  private static boolean ink(int rgb) {
    return ((rgb >> 16) & 0xff) < 200 || ((rgb >> 8) & 0xff) < 200 || (rgb & 0xff) < 200;
  }

  /** Keeps a PDF in target/continuation, to look at. */
  static void save(String name, byte[] pdf) throws IOException {
    Path dir = Path.of("target", "continuation");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), pdf);
  }

  /** Writes images for a person to look at when a comparison fails. */
  static void keep(String name, BufferedImage... images) throws IOException {
    Path dir = Path.of("target", "continuation");
    Files.createDirectories(dir);
    for (int i = 0; i < images.length; i++) {
      ImageIO.write(images[i], "png", dir.resolve(name + "-" + i + ".png").toFile());
    }
  }
}

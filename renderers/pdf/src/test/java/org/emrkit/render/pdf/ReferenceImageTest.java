package org.emrkit.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.emrkit.render.RenderOptions;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.junit.jupiter.api.Test;

/**
 * A coarse visual comparison: the first page of every example, rendered to a 50 dpi grey image
 * with PDFBox, against reference images reviewed by eye. Coarse on purpose (anti-aliasing may
 * differ between JDKs): a moved table, a lost section or a broken font fails it; a sub-pixel
 * shift does not. Images of this run are in {@code target/reference-actual/}. After a reviewed,
 * intended change: {@code ./mvnw -pl renderers/pdf test -Dtest=ReferenceImageTest
 * -Demrkit.golden.update=true}, then look at the images before committing them.
 */
class ReferenceImageTest {
  private static final Path REFERENCE = Path.of("src", "test", "resources", "reference");
  private static final Path ACTUAL = Path.of("target", "reference-actual");

  static BufferedImage firstPage(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFRenderer(doc).renderImageWithDPI(0, 50, ImageType.GRAY);
    }
  }

  /** Mean absolute grey difference, and the share of pixels more than a quarter apart. */
  static double[] difference(BufferedImage a, BufferedImage b) {
    long sum = 0;
    long far = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int d = Math.abs((a.getRGB(x, y) & 0xff) - (b.getRGB(x, y) & 0xff));
        sum += d;
        if (d > 64) {
          far++;
        }
      }
    }
    double n = (double) a.getWidth() * a.getHeight();
    return new double[] {sum / n, far / n};
  }

  @Test
  void theFirstPageOfEveryExampleLooksLikeItsReviewedReference() throws IOException {
    boolean update = Boolean.getBoolean("emrkit.golden.update");
    Files.createDirectories(ACTUAL);
    PdfRenderer renderer = PdfRenderer.builder().options(RenderOptions.builder().clock(PdfArchiveTest.CLOCK).printedBy("档案室").build()).build();
    for (String[] e : PdfArchiveTest.EXAMPLES) {
      Template t = Corpus.template(e[0]);
      BufferedImage actual = firstPage(PdfArchiveTest.render(renderer, t,
          Corpus.record(e[1], t)));
      ImageIO.write(actual, "png", ACTUAL.resolve(e[0] + ".png").toFile());
      Path reference = REFERENCE.resolve(e[0] + ".png");
      if (update) {
        Files.createDirectories(REFERENCE);
        ImageIO.write(actual, "png", reference.toFile());
        continue;
      }
      assertThat(reference).as("reference image (see the class comment)").exists();
      BufferedImage expected = ImageIO.read(reference.toFile());
      assertThat(actual.getWidth()).as(e[0]).isEqualTo(expected.getWidth());
      assertThat(actual.getHeight()).as(e[0]).isEqualTo(expected.getHeight());
      double[] d = difference(actual, expected);
      assertThat(d[0]).as("%s: mean grey difference", e[0]).isLessThan(0.5);
      assertThat(d[1]).as("%s: share of pixels far apart", e[0]).isLessThan(0.001);
    }
  }

  @Test
  void theComparisonSeesContentMoveDown() throws IOException {
    // the measure itself must notice a real change: a longer history moves what follows down
    Template t = Corpus.template("admission-record");
    var rec = Corpus.record("clean--admission-record.json", t);
    PdfRenderer r = PdfRenderer.builder().options(RenderOptions.builder().clock(PdfArchiveTest.CLOCK).build()).build();
    BufferedImage full = firstPage(PdfArchiveTest.render(r, t, rec));
    String longer = ((org.emrkit.record.Value.Str) rec.values().get("hpi").orElseThrow()).value() + "胸闷".repeat(60);
    BufferedImage moved = firstPage(PdfArchiveTest.render(r, t, rec.withValues(
        rec.values().with("hpi", new org.emrkit.record.Value.Str(longer)))));
    double[] d = difference(full, moved);
    assertThat(d[0] >= 0.5 || d[1] >= 0.001).as("difference %s / %s", d[0], d[1]).isTrue();
  }
}

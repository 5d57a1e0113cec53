package org.emrkit.bench;

import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.emrkit.record.Record;
import org.emrkit.render.html.HtmlRenderer;
import org.emrkit.render.pdf.PdfRenderer;
import org.emrkit.template.Template;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PDF/A-2b documents per second, side by side in one run: EMRKit's {@code PdfRenderer} against
 * openhtmltopdf (fast mode, PDF/A-2b, the same Noto Sans SC) printing EMRKit's own HTML view of
 * the same record (HTML rendering, jsoup parsing and PDF layout all counted: that is the pipeline
 * a host would otherwise run). {@code record}: the 入院记录 example (a few pages) or generated
 * progress notes of about 100 pages; setup prints the page counts of both outputs.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar PdfBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@Threads(1)
public class PdfBenchmark {
  private static final Clock CLOCK = Clock.fixed(
      OffsetDateTime.parse("2026-11-28T12:00:00+08:00").toInstant(), ZoneOffset.ofHours(8));
  private static final String NOTO = "/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

  @Param({"admission", "hundred-pages"})
  public String record;

  private Template template;
  private Record rec;
  private PdfRenderer emrkit;
  private HtmlRenderer html;
  private byte[] srgb;

  /** Builds the record and prints the page counts of both outputs. */
  @Setup
  public void setup() throws IOException {
    BenchCorpus.PdfCase c = BenchCorpus.PdfCase.of(record);
    template = c.template();
    rec = c.record();
    emrkit = PdfRenderer.builder().options(RenderOptions.builder().clock(CLOCK).build()).build();
    html = HtmlRenderer.builder().options(RenderOptions.builder().mode(RenderMode.VIEW).clock(CLOCK).build()).fullPage(true).build();
    srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    System.out.printf("%n%s: EMRKit %d pages, openhtmltopdf %d pages%n", record,
        pages(emrkit()), pages(openhtmltopdf()));
  }

  private static int pages(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return doc.getNumberOfPages();
    }
  }

  /** EMRKit: OpenPDF layout, then PDF/A-2b through PDFBox. */
  @Benchmark
  public byte[] emrkit() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    emrkit.render(template, rec, out);
    return out.toByteArray();
  }

  /** openhtmltopdf printing the HTML view, fast mode, PDF/A-2b, Noto Sans SC. */
  @Benchmark
  public byte[] openhtmltopdf() throws IOException {
    String page = html.render(template, rec)
        .replace("<head>", "<head><style>@page{size:A4;margin:20mm 20mm 20mm 25mm}"
            + "*{font-family:'Noto Sans SC' !important}</style>");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder b = new PdfRendererBuilder();
    b.useFastMode();
    b.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_B);
    b.useColorProfile(srgb);
    // PDF/A embeds every font: the generic families are Noto Sans SC too
    for (String family : List.of("Noto Sans SC", "serif", "sans-serif", "monospace")) {
      b.useFont(() -> open(NOTO), family);
    }
    b.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(page)), "file:///");
    b.toStream(out);
    b.run();
    return out.toByteArray();
  }

  private static InputStream open(String resource) {
    return PdfBenchmark.class.getResourceAsStream(resource);
  }
}

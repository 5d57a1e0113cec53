package org.emrkit.bench;

import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.emrkit.docx.DocxImporter;
import org.emrkit.record.Record;
import org.emrkit.render.docx.DocxRenderer;
import org.emrkit.render.pdf.PdfRenderer;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The clean 入院记录 as DOCX per second, one thread: the print document, the Word form (content
 * controls), importing that form back as a template, and, in the same run for comparison, the
 * archival PDF. Run: {@code java -jar benchmarks/target/benchmarks.jar DocxBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class DocxBenchmark {
  private Template template;
  private Record record;
  private DocxRenderer view;
  private DocxRenderer form;
  private PdfRenderer pdf;
  private DocxImporter importer;
  private byte[] formBytes;

  /** Loads the corpus template and record and makes the form to import. */
  @Setup
  public void setup() {
    template = Corpus.template("admission-record");
    record = Corpus.record("clean--admission-record.json", template);
    Clock clock = Clock.fixed(OffsetDateTime.parse("2026-11-28T12:00:00+08:00").toInstant(),
        ZoneOffset.ofHours(8));
    view = DocxRenderer.builder().options(RenderOptions.builder().clock(clock).build()).build();
    form = DocxRenderer.builder().options(RenderOptions.builder().clock(clock).mode(RenderMode.FORM).build()).build();
    pdf = PdfRenderer.builder().options(RenderOptions.builder().clock(clock).build()).build();
    importer = DocxImporter.builder().build();
    formBytes = form.render(template, record);
  }

  /** The record as a Word document. */
  @Benchmark
  public int docx() {
    return view.render(template, record).length;
  }

  /** The record as a Word form of content controls. */
  @Benchmark
  public int docxForm() {
    return form.render(template, record).length;
  }

  /** The Word form read back as a template. */
  @Benchmark
  public Object importForm() {
    return importer.read(formBytes, "admission-record.docx").orElseThrow();
  }

  /** The same record as archival PDF/A-2b, for comparison. */
  @Benchmark
  public int pdf() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 17);
    pdf.render(template, record, out);
    return out.size();
  }
}

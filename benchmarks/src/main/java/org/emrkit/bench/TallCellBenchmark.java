package org.emrkit.bench;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.render.RenderOptions;
import org.emrkit.render.pdf.PdfRenderer;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
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
 * One table cell over many pages: the bundled 一般护理记录单 with its first row's 病情观察 of
 * {@code chars} characters (a sentence repeated; 64,000 characters are 193 pages of the
 * sheet's column), printed to PDF. Linear is the same time per character at every length.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar TallCell}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class TallCellBenchmark {
  private static final Clock CLOCK = Clock.fixed(
      OffsetDateTime.parse("2026-11-28T12:00:00+08:00").toInstant(), ZoneOffset.ofHours(8));

  @Param({"16000", "64000", "256000"})
  public int chars;

  private Template template;
  private Record record;
  private PdfRenderer pdf;

  /** The sheet with its long row. */
  @Setup
  public void setup() {
    template = Corpus.template("nursing-record");
    Record r = Corpus.record("clean--nursing-record.json", template);
    StringBuilder text = new StringBuilder();
    while (text.length() < chars) {
      text.append("患者夜间睡眠可，生命体征平稳，继续观察。");
    }
    List<Values> rows = new ArrayList<>(r.values().rows("nursingRows"));
    rows.set(0, rows.get(0).with("observation", new Value.Str(text.substring(0, chars))));
    record = r.withValues(r.values().with("nursingRows", new Value.Rows(rows)));
    pdf = PdfRenderer.builder().options(RenderOptions.builder().clock(CLOCK).build()).build();
  }

  /** The sheet printed to PDF. */
  @Benchmark
  public byte[] render() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pdf.render(template, record, out);
    return out.toByteArray();
  }
}

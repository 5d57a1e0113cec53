package org.emrkit.bench;

import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.emrkit.record.Record;
import org.emrkit.render.html.HtmlRenderer;
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
 * Admission records rendered to HTML per second, one thread: the print view and the edit form of
 * the clean 入院记录, as fragments into a reused buffer.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar HtmlBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class HtmlBenchmark {
  private Template template;
  private Record record;
  private HtmlRenderer view;
  private HtmlRenderer edit;
  private final StringBuilder out = new StringBuilder(1 << 16);

  /** Loads the corpus template and record. */
  @Setup
  public void setup() {
    template = Corpus.template("admission-record");
    record = Corpus.record("clean--admission-record.json", template);
    Clock clock = Clock.fixed(OffsetDateTime.parse("2026-11-28T12:00:00+08:00").toInstant(),
        ZoneOffset.ofHours(8));
    view = HtmlRenderer.builder().options(RenderOptions.builder().mode(RenderMode.VIEW).clock(clock).build()).build();
    edit = HtmlRenderer.builder().options(RenderOptions.builder().mode(RenderMode.FORM).clock(clock).build()).build();
  }

  /** The print view. */
  @Benchmark
  public int view() {
    out.setLength(0);
    view.render(template, record, out);
    return out.length();
  }

  /** The edit form. */
  @Benchmark
  public int edit() {
    out.setLength(0);
    edit.render(template, record, out);
    return out.length();
  }
}

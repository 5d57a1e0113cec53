package org.emrkit.bench;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.emrkit.edit.EditSession;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.Role;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.render.PrintMode;
import org.emrkit.render.PrintOutcome;
import org.emrkit.render.PrintRequest;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 续打 of a long 一般护理记录单, side by side with printing it whole: 500 rows (a few tall), the
 * first 480 printed and logged (that print ends part way down a page), then the continuation of
 * the last 20 from the print log. Setup prints the page count and where the first print ended.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar ContinuationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@Threads(1)
public class ContinuationBenchmark {
  private static final Actor NURSE = new Actor("u-3001", "赵芳", Role.NURSE);

  private Template template;
  private Record record;
  private PdfRenderer pdf;

  /** Builds the record, prints and logs its first 480 rows. */
  @Setup
  public void setup() {
    template = Corpus.template("nursing-record");
    Clock clock = Clock.fixed(OffsetDateTime.parse("2026-12-30T08:00:00+08:00").toInstant(),
        ZoneOffset.ofHours(8));
    pdf = PdfRenderer.builder().options(RenderOptions.builder().clock(clock).build()).build();
    Record r = rows(Corpus.record("clean--nursing-record.json", template), clock, 0, 478);
    PrintOutcome first = pdf.print(template, r, PrintRequest.of(PrintMode.ALL, NURSE),
        OutputStream.nullOutputStream());
    Clock later = Clock.offset(clock, Duration.ofHours(8));
    EditSession s = EditSession.builder(template, r, NURSE).clock(later).open();
    s.recordPrint(first.entry());
    record = rows(s.commit(), later, 478, 20);
    PrintOutcome next = pdf.print(template, record, PrintRequest.of(PrintMode.CONTINUE, NURSE),
        OutputStream.nullOutputStream());
    System.out.printf("%n500 rows: the first print ended on page %d, %.1f mm down;"
        + " the continuation prints pages %s (page %d continued)%n", first.entry().end().page(),
        first.entry().end().mm(), next.entry().pages(), next.continuedPage());
  }

  private Record rows(Record r, Clock clock, int from, int n) {
    EditSession s = EditSession.builder(template, r, NURSE).clock(clock).open();
    for (int i = from; i < from + n; i++) {
      String note = i % 9 == 4 ? "患者诉胸闷，予吸氧 2L/min，心电监护示窦性心律，通知医师，遵医嘱予硝酸甘油"
          + "0.5mg 舌下含服，15 分钟后症状缓解。继续观察病情变化。" : "病情平稳，无不适主诉。";
      s.addEntry("/nursingRows", Values.of(Map.of("at", new Value.DateTime(
          OffsetDateTime.parse("2026-11-20T16:00+08:00").plusHours(i)), "p", new Value.Num(
              BigDecimal.valueOf(70 + i % 20)), "observation", new Value.Str(note))));
    }
    return s.commit();
  }

  /** The continuation (续打) of the last 20 rows, from the print log. */
  @Benchmark
  public PrintOutcome continuation() {
    return pdf.print(template, record, PrintRequest.of(PrintMode.CONTINUE, NURSE),
        OutputStream.nullOutputStream());
  }

  /** The whole record printed, for comparison. */
  @Benchmark
  public PrintOutcome whole() {
    return pdf.print(template, record, PrintRequest.of(PrintMode.ALL, NURSE),
        OutputStream.nullOutputStream());
  }
}

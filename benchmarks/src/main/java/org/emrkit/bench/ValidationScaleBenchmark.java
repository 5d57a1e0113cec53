package org.emrkit.bench;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.emrkit.validation.ValidationReport;
import org.emrkit.validation.Validator;
import org.emrkit.validation.rules.FieldRules;
import org.emrkit.validation.rules.FrontPageRules;
import org.emrkit.validation.rules.WritingStandardRules;
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
 * How validation grows with a record's entries: the 病程记录 with {@code entries} progress notes
 * (generated, without a revision chain, so that the rules and the walk are measured, not the
 * audit of a chain the generator did not write), every pack, one thread. Linear is the same
 * microseconds per entry at every size. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar ValidationScale}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 3, time = 3)
// the heap fixed and touched up front: on the virtual machines this is measured on, the first
// touch of memory the heap grows into costs more than validating (a validation of 1,000 entries
// ran 8 times slower for the rounds after a heap expansion), which made large records look
// superlinear; and more warm-up, as a 40,000-entry validation runs only a few times a second
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Threads(1)
public class ValidationScaleBenchmark {

  @Param({"100", "1000", "10000", "40000"})
  public int entries;

  private Validator validator;
  private Template template;
  private Record record;

  /** Generates the record. */
  @Setup
  public void setup() {
    validator = Validator.builder().pack(FieldRules.pack()).pack(WritingStandardRules.pack())
        .pack(FrontPageRules.pack())
        .clock(Clock.fixed(OffsetDateTime.parse("2026-11-28T12:00:00+08:00").toInstant(),
            ZoneOffset.ofHours(8)))
        .build();
    template = Corpus.template("progress-note");
    Record r = Corpus.progressNotes(template, entries);
    record = new Record(r.id(), r.template(), r.embeddedTemplate(), r.status(), r.context(),
        r.values(), r.completedAt(), List.of(), List.of(), r.extensions());
  }

  /** Validates the record with every pack. */
  @Benchmark
  public ValidationReport validate() {
    return validator.validate(template, record);
  }

  /**
   * The floor: each value of each entry read once (a text's length and last character, another
   * value's hash), the least any validation of the record must do. What it costs an entry is
   * the memory's, not the code's: the 1,000-entry record fits in the processor's caches, the
   * 40,000-entry one (about 40 MB) does not.
   */
  @Benchmark
  public long readEveryValue() {
    long sum = 0;
    for (Values row : record.values().rows("progressNotes")) {
      for (Value v : row.asMap().values()) {
        if (v instanceof Value.Str s) {
          String text = s.value();
          sum += text.isEmpty() ? 0 : text.length() + text.charAt(text.length() - 1);
        } else {
          sum += v.hashCode();
        }
      }
    }
    return sum;
  }
}

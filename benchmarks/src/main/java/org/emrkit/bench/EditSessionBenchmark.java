package org.emrkit.bench;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Actor;
import org.emrkit.edit.EditSession;
import org.emrkit.record.Record;
import org.emrkit.edit.RecordAudit;
import org.emrkit.record.Role;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
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
 * What a save in the editor costs, one thread: read the form's posted values, apply them to the
 * clean 入院记录 through an edit session (three fields changed, each a chained revision), commit
 * and audit the record; and a signature on a record with 200 revisions.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar EditSessionBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class EditSessionBenchmark {
  private static final Actor RESIDENT = new Actor("u-1001", "李明", Role.RESIDENT);
  private Template template;
  private Record record;
  private Record traced;
  private String posted;
  private Clock clock;
  private final RecordJson json = RecordJson.create();

  /** The record, the posted form (three fields changed) and a record with a long trace. */
  @Setup
  public void setup() {
    template = Corpus.template("admission-record");
    Record r = org.emrkit.testing.CorpusSealer.unseal(Corpus.record(
        "clean--admission-record.json", template));
    record = r.withValues(r.values().without("residentSignature"));
    clock = Clock.fixed(OffsetDateTime.parse("2026-11-20T21:00:00+08:00").toInstant(),
        ZoneOffset.ofHours(8));
    Values v = record.values().with("chiefComplaint", new Value.Str("反复胸闷、胸痛3天"))
        .with("temp", new Value.Num(new java.math.BigDecimal("37.2")))
        .with("spo2", new Value.Num(java.math.BigDecimal.valueOf(96)));
    posted = json.writeValues(v);
    EditSession s = EditSession.builder(template, record, RESIDENT).clock(clock).open();
    for (int i = 0; i < 200; i++) {
      s.set("/chiefComplaint", new Value.Str("胸闷" + (i % 9 + 1) + "天"));
    }
    traced = s.commit();
  }

  /** Read the posted values, apply them as one edit, commit, audit the record. */
  @Benchmark
  public boolean saveForm() {
    Values values = json.readValues(posted, template).orElseThrow();
    EditSession s = EditSession.builder(template, record, RESIDENT).clock(clock).open();
    s.apply(values);
    return RecordAudit.audit(template, s.commit()).intact();
  }

  /** Sign a record whose trace has 200 revisions (opening audits the whole record). */
  @Benchmark
  public int signLongTrace() {
    EditSession s = EditSession.builder(template, traced, RESIDENT).clock(clock).open();
    s.sign("");
    return s.commit().signatures().size();
  }
}

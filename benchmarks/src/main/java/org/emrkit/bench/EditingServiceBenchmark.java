package org.emrkit.bench;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.emrkit.edit.RecordAudit;
import org.emrkit.editor.Authenticator;
import org.emrkit.editor.EditingService;
import org.emrkit.editor.RecordStore;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.Role;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.emrkit.validation.Validator;
import org.emrkit.validation.rules.FieldRules;
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
 * The editing service on a 200-row 一般护理记录单 (every row written and signed by its nurse), one
 * thread, the times a host's endpoint spends: open (the form's HTML, the findings, what the
 * nurse may change, the audit) and save (the posted 201 rows read, applied through an edit
 * session against the head, validated, the saves described for people). The store keeps the
 * 200-row record, so each save is the same save.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar EditingServiceBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class EditingServiceBenchmark {
  private static final Actor NURSE = new Actor("u-3001", "赵芳", Role.NURSE);
  private EditingService service;
  private String id;
  private byte[] save;

  /** The sheet, the service over a store that keeps it, the posted body with a new row. */
  @Setup
  public void setup() {
    Template nursing = Corpus.template("nursing-record");
    Record sheet = Corpus.nursingSheet(nursing, 200);
    id = sheet.id();
    RecordStore store = new RecordStore() {
      @Override
      public Optional<Record> find(String wanted) {
        return Optional.of(sheet).filter(r -> r.id().equals(wanted));
      }

      @Override
      public List<String> ids() {
        return List.of(sheet.id());
      }

      @Override
      public boolean add(Record record) {
        return false;
      }

      @Override
      public boolean replace(String wanted, String expectedHead, Record next) {
        return true; // kept as it was: the next save is the same save
      }
    };
    Authenticator none = new Authenticator() {
      @Override
      public Optional<Actor> authenticate(String user, char[] password) {
        return Optional.empty();
      }

      @Override
      public boolean confirm(Actor actor, char[] password) {
        return false;
      }
    };
    Clock clock = Clock.fixed(OffsetDateTime.parse("2026-12-21T10:00:00+08:00").toInstant(),
        ZoneOffset.ofHours(8));
    service = EditingService.builder(List.of(nursing), store)
        .validator(Validator.builder().pack(FieldRules.pack()).clock(clock).build())
        .authenticator(none).clock(clock).build();
    List<Values> rows = new ArrayList<>(sheet.values().rows("nursingRows"));
    rows.add(Values.of(java.util.Map.of("at", new Value.DateTime(OffsetDateTime.parse(
        "2026-12-21T09:00:00+08:00")), "t", new Value.Num(new java.math.BigDecimal("37.1")))));
    String values = RecordJson.create().writeValues(sheet.values().with("nursingRows",
        new Value.Rows(rows)));
    save = ("{\"head\":\"" + RecordAudit.head(sheet).orElseThrow() + "\",\"values\":" + values
        + "}").getBytes(StandardCharsets.UTF_8);
  }

  /** Open the sheet for the nurse: what the page is drawn from. */
  @Benchmark
  public int open() {
    return service.open(NURSE, id).form().length();
  }

  /** Save the posted sheet with its new row. */
  @Benchmark
  public boolean save() {
    return service.save(NURSE, id, save).applied();
  }
}

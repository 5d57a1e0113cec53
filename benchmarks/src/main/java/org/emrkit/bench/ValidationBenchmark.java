package org.emrkit.bench;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Record;
import org.emrkit.template.Template;
import org.emrkit.validation.ValidationReport;
import org.emrkit.validation.Validator;
import org.emrkit.validation.rules.FieldRules;
import org.emrkit.validation.rules.WritingStandardRules;
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
 * Records validated per second, one thread: the clean 入院记录 of the validation corpus with the
 * built-in packs, the same record read from JSON first, and the clean 住院病案首页 (what a batch's
 * quality control validates most).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar Validation}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ValidationBenchmark {

  private Validator validator;
  private Template template;
  private Record record;
  private String json;
  private Template frontPageTemplate;
  private Record frontPage;

  /** Loads the corpus template and record. */
  @Setup
  public void setup() {
    validator = Validator.builder().pack(FieldRules.pack()).pack(WritingStandardRules.pack())
        .pack(org.emrkit.validation.rules.FrontPageRules.pack())
        .clock(Clock.fixed(OffsetDateTime.parse("2026-11-28T12:00:00+08:00").toInstant(),
            ZoneOffset.ofHours(8)))
        .build();
    template = BenchCorpus.template("admission-record");
    json = BenchCorpus.text("/validation/records/clean--admission-record.json");
    record = RecordJson.create().read(json, template).orElseThrow();
    if (!validator.validate(template, record).findings().isEmpty()) {
      throw new IllegalStateException("the benchmark record should be clean");
    }
    frontPageTemplate = BenchCorpus.template("front-page");
    frontPage = RecordJson.create().read(
        BenchCorpus.text("/validation/records/clean--front-page.json"), frontPageTemplate)
        .orElseThrow();
    if (!validator.validate(frontPageTemplate, frontPage).findings().isEmpty()) {
      throw new IllegalStateException("the benchmark front page should be clean");
    }
  }

  /** Validates the front page (住院病案首页) with all packs. */
  @Benchmark
  public ValidationReport validateFrontPage() {
    return validator.validate(frontPageTemplate, frontPage);
  }

  /** Validates the admission record with all packs. */
  @Benchmark
  public ValidationReport validateAdmission() {
    return validator.validate(template, record);
  }

  /** Reads the record JSON (schema and template checks) and validates it. */
  @Benchmark
  public ValidationReport readAndValidateAdmission() {
    return validator.validate(template, RecordJson.create().read(json, template).orElseThrow());
  }
}

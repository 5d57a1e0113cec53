package org.emrkit.bench;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.emrkit.interop.cda.CdaExport;
import org.emrkit.interop.cda.CdaExporter;
import org.emrkit.interop.fhir.FhirForms;
import org.emrkit.record.Record;
import org.emrkit.record.Values;
import org.emrkit.template.Template;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
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
 * Documents exported per second, one thread, for the clean 入院记录 of the validation corpus:
 * the WS/T 500 CDA document; the FHIR QuestionnaireResponse as JSON; the response's JSON read
 * back (strict) into record values; and the template's Questionnaire as JSON.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar Export}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ExportBenchmark {

  private static final Clock CLOCK = Clock.fixed(OffsetDateTime.parse(
      "2026-11-28T12:00:00+08:00").toInstant(), ZoneOffset.ofHours(8));

  private Template template;
  private Record record;
  private CdaExporter cda;
  private FhirForms fhir;
  private String responseJson;

  /** Loads the corpus template and record and checks the round trip once. */
  @Setup
  public void setup() {
    template = BenchCorpus.template("admission-record");
    record = BenchCorpus.record("clean--admission-record.json", template);
    cda = CdaExporter.create().withClock(CLOCK);
    fhir = FhirForms.create().withClock(CLOCK);
    responseJson = fhir.json(fhir.response(template, record));
    if (!readResponse().equals(record.values())) {
      throw new IllegalStateException("the response should read back to the record's values");
    }
  }

  /** The record as a WS/T 500 CDA document (bytes, with its findings). */
  @Benchmark
  public CdaExport cdaDocument() {
    return cda.export(template, record);
  }

  /** The record as a FHIR QuestionnaireResponse, encoded as JSON. */
  @Benchmark
  public String fhirResponse() {
    return fhir.json(fhir.response(template, record));
  }

  /** A QuestionnaireResponse's JSON parsed in strict mode and read into record values. */
  @Benchmark
  public Values readResponse() {
    return fhir.values(template, fhir.parse(QuestionnaireResponse.class, responseJson));
  }

  /** The template as a FHIR Questionnaire, encoded as JSON. */
  @Benchmark
  public String fhirQuestionnaire() {
    return fhir.json(fhir.questionnaire(template));
  }
}

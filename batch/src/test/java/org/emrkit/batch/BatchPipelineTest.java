package org.emrkit.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.emrkit.json.RecordJson;
import org.emrkit.json.TemplateJson;
import org.emrkit.json.TemplateResolver;
import org.emrkit.record.Record;
import org.emrkit.template.Template;
import org.emrkit.validation.Finding;
import org.emrkit.validation.ValidationReport;
import org.emrkit.validation.Validator;
import org.emrkit.validation.rules.FieldRules;
import org.emrkit.validation.rules.WritingStandardRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on the direct runner over a few hundred generated records and the broken files
 * an archive meets: the counts add up, dead letters name their reasons, the QC report matches a
 * count made here independently, a second run does nothing new, and an interrupted run resumes
 * to the same output as an uninterrupted one.
 */
class BatchPipelineTest {

  static final String NOW = "2026-11-28T04:00:00Z";
  static final int GOOD = 240;
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  static Path dir;
  static Path records;
  static Path templates;
  static List<String[]> broken;

  @BeforeAll
  static void inputs() {
    records = dir.resolve("records");
    SampleRecords.write(records, GOOD, 20261127L);
    broken = SampleRecords.writeBroken(records);
    templates = SampleRecords.templates(dir.resolve("templates"));
  }

  static BatchOptions options(Path out, int stopAfter) {
    return PipelineOptionsFactory.fromArgs("--records=" + records, "--templates=" + templates,
        "--out=" + out, "--formats=pdf", "--now=" + NOW, "--targetParallelism=2",
        "--stopAfter=" + stopAfter).withValidation().as(BatchOptions.class);
  }

  static List<String> lines(Path f) throws IOException {
    return Files.readAllLines(f).stream().filter(l -> !l.isBlank()).sorted().toList();
  }

  @Test
  void aRunArchivesScoresAndDeadLettersWithCountsThatAddUp() throws IOException {
    Path out = dir.resolve("run");
    ArchiveBatch.Counts c = ArchiveBatch.run(options(out, 0), p -> {});
    // 240 files, 5 broken files, a JSON Lines file of 3 good lines and 1 bad, and one of a
    // line too long and a good one
    assertThat(c.read()).isEqualTo(GOOD + 5 + 4 + 2);
    assertThat(c.addUp()).isTrue();
    List<String> manifest = lines(out.resolve("manifest.jsonl"));
    List<String> dead = lines(out.resolve("dead-letters.jsonl"));
    assertThat(manifest).hasSize(GOOD + 4);
    assertThat((long) manifest.size()).isEqualTo(c.archived());
    assertThat((long) dead.size()).isEqualTo(c.deadLettered()).isEqualTo(7);
    for (String[] b : broken) {
      JsonNode d = dead.stream().map(BatchPipelineTest::json)
          .filter(n -> n.path("source").asText().endsWith("/" + b[0])).findFirst()
          .orElseThrow(() -> new AssertionError("no dead letter for " + b[0] + ": " + dead));
      assertThat(d.path("code").asText()).as(b[0]).startsWith(b[1]);
      assertThat(d.path("message").path("zh").asText()).as(b[0]).isNotBlank();
    }
    assertThat(dead.stream().map(BatchPipelineTest::json)
        .filter(n -> n.path("source").asText().endsWith("schema-error.json")).findFirst()
        .orElseThrow().path("pointer").asText()).isEqualTo("/values/pulse");
    for (String line : manifest) {
      JsonNode e = json(line);
      for (JsonNode f : e.path("files")) {
        Path file = out.resolve(f.path("file").asText());
        assertThat(file).exists();
        assertThat(Files2.sha256(Files.readAllBytes(file))).isEqualTo(f.path("sha256").asText());
        assertThat(f.path("pages").asInt()).isPositive();
        assertThat(f.path("file").asText()).startsWith("archive/" + e.path("patient").asText()
            + "/" + e.path("encounter").asText() + "/");
      }
    }
    qcReportMatchesAnIndependentCount(out);
    assertThat(Files.readString(out.resolve("qc-report.html"))).contains("<svg", "终末质控报告",
        "丙级病历");
  }

  void qcReportMatchesAnIndependentCount(Path out) throws IOException {
    Validator v = Validator.builder().pack(FieldRules.pack()).pack(WritingStandardRules.pack())
        .pack(org.emrkit.validation.rules.FrontPageRules.pack())
        .clock(Clock.fixed(Instant.parse(NOW), ZoneOffset.ofHours(8))).build();
    List<Template> ts = new ArrayList<>();
    try (Stream<Path> s = Files.list(templates)) {
      for (Path t : s.toList()) {
        ts.add(TemplateJson.create().read(Files.readString(t)).orElseThrow());
      }
    }
    TemplateResolver resolver = TemplateResolver.of(ts.toArray(Template[]::new));
    List<String> good = new ArrayList<>();
    try (Stream<Path> s = Files.list(records)) {
      for (Path f : s.filter(p -> p.getFileName().toString().startsWith("rec-")).toList()) {
        good.add(Files.readString(f));
      }
    }
    List<String> jsonl = Files.readAllLines(records.resolve("stays.jsonl"));
    good.addAll(jsonl.subList(0, 3));
    try (Stream<String> huge = Files.lines(records.resolve("huge.jsonl"))) {
      good.add(huge.skip(1).findFirst().orElseThrow());
    }
    Map<String, Long> grades = new TreeMap<>();
    Map<String, Long> perDepartment = new TreeMap<>();
    Map<String, Long> codes = new HashMap<>();
    long third = 0;
    for (String json : good) {
      Record r = RecordJson.create().read(json, resolver).orElseThrow();
      ValidationReport report = v.validate(resolver.resolve(r.template().id(),
          r.template().version()).orElseThrow(), r);
      grades.merge(report.grade().label(), 1L, Long::sum);
      perDepartment.merge(r.context().encounter().department(), 1L, Long::sum);
      for (Finding f : report.findings()) {
        codes.merge(f.code(), 1L, Long::sum);
      }
      third += report.grade().label().equals("丙") ? 1 : 0;
    }
    JsonNode qc = JSON.readTree(out.resolve("qc-report.json").toFile());
    for (String g : List.of("甲", "乙", "丙")) {
      assertThat(qc.path("all").path("grades").path(g).asLong()).as(g)
          .isEqualTo(grades.getOrDefault(g, 0L));
    }
    perDepartment.forEach((d, n) -> assertThat(qc.path("departments").path(d).path("records")
        .asLong()).as(d).isEqualTo(n));
    assertThat(qc.path("codes").size()).isPositive();
    for (JsonNode c : qc.path("codes")) {
      assertThat(c.path("count").asLong()).as(c.path("code").asText())
          .isEqualTo(codes.get(c.path("code").asText()));
    }
    assertThat(qc.path("third").size()).isEqualTo((int) third);
  }

  @Test
  void aSecondRunDoesNothingNewAndAnInterruptedRunResumesToTheSameOutput() throws IOException {
    Path whole = dir.resolve("whole");
    ArchiveBatch.run(options(whole, 0), p -> {});
    ArchiveBatch.Counts again = ArchiveBatch.run(options(whole, 0), p -> {});
    assertThat(again.archived()).isZero();
    assertThat(again.skipped()).isEqualTo(GOOD + 4);
    assertThat(again.addUp()).isTrue();

    Path resumed = dir.resolve("resumed");
    assertThatThrownBy(() -> ArchiveBatch.run(options(resumed, 60), p -> {}))
        .hasStackTraceContaining("stopped after 60 records");
    long partial;
    try (Stream<Path> s = Files.walk(resumed.resolve("archive"))) {
      partial = s.filter(Files::isRegularFile).count();
    }
    assertThat(partial).isBetween(1L, (long) GOOD);
    ArchiveBatch.Counts c = ArchiveBatch.run(options(resumed, 0), p -> {});
    // what the stopped run finished is skipped (the workers it had started may have finished a
    // few more records after it stopped: at least those counted), the rest archived now
    assertThat(c.skipped()).isGreaterThanOrEqualTo(partial).isLessThan(GOOD);
    assertThat(c.archived()).isPositive();
    assertThat(c.archived() + c.skipped()).isEqualTo(GOOD + 4);
    assertThat(lines(resumed.resolve("manifest.jsonl")))
        .isEqualTo(lines(whole.resolve("manifest.jsonl")));
    assertThat(lines(resumed.resolve("dead-letters.jsonl")))
        .isEqualTo(lines(whole.resolve("dead-letters.jsonl")));
    assertThat(Files.readString(resumed.resolve("qc-report.json")))
        .isEqualTo(Files.readString(whole.resolve("qc-report.json")));
    // asked for another format: archived again, with it
    BatchOptions withCda = options(whole, 0);
    withCda.setFormats("pdf,cda");
    ArchiveBatch.Counts more = ArchiveBatch.run(withCda, p -> {});
    assertThat(more.archived()).isEqualTo(GOOD + 4);
    try (Stream<Path> s = Files.walk(whole.resolve("archive"))) {
      assertThat(s.filter(f -> f.toString().endsWith(".cda.xml")).count()).isEqualTo(GOOD + 4);
    }
  }

  static JsonNode json(String s) {
    try {
      return JSON.readTree(s);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

package org.emrkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.emrkit.json.RecordJson;
import org.emrkit.json.TemplateJson;
import org.emrkit.json.TemplateResolver;
import org.emrkit.record.Chart;
import org.emrkit.record.Record;
import org.emrkit.template.Template;
import org.emrkit.validation.rules.FieldRules;
import org.emrkit.validation.rules.WritingStandardRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The validation corpus (archie style): every file under {@code validation/records/} is named
 * after the rule code it must raise ({@code cn.time-limit--...json} must raise
 * {@code cn/time-limit}); {@code clean--...} files must raise nothing at all. {@code .chart.json}
 * files hold the records of one encounter; {@code .template.json} files are checked as templates.
 * The files under {@code validation/api/} are records a host built through the API, named the
 * same way ({@link org.emrkit.testing.Corpus#apiRecord}).
 */
class ValidationCorpusTest {

  static final Path DIR = Path.of("src/test/resources/validation");
  static final Clock CLOCK = Clock.fixed(OffsetDateTime.parse("2026-11-28T12:00:00+08:00")
      .toInstant(), java.time.ZoneOffset.ofHours(8));
  static final Validator VALIDATOR = Validator.builder().pack(FieldRules.pack())
      .pack(WritingStandardRules.pack())
      .pack(org.emrkit.validation.rules.FrontPageRules.pack()).clock(CLOCK).build();
  /** For {@code *.terminology.json} cases: the same, with the corpus code list. */
  static final Validator WITH_TERMINOLOGY = Validator.builder().pack(FieldRules.pack())
      .pack(WritingStandardRules.pack())
      .pack(org.emrkit.validation.rules.FrontPageRules.pack()).clock(CLOCK)
      .terminology(org.emrkit.testing.CorpusTerminology.service()).build();

  static List<Template> templates() throws IOException {
    List<Template> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR.resolve("templates"))) {
      for (Path f : files.sorted().toList()) {
        out.add(TemplateJson.create().read(Files.readString(f)).orElseThrow());
      }
    }
    return out;
  }

  static ValidationReport run(Path file, List<Template> templates) throws IOException {
    String name = file.getFileName().toString();
    String text = Files.readString(file);
    TemplateResolver resolver = TemplateResolver.of(templates.toArray(Template[]::new));
    if (name.endsWith(".template.json")) {
      return VALIDATOR.checkTemplate(TemplateJson.create().read(text).orElseThrow());
    }
    if (name.endsWith(".chart.json")) {
      ObjectMapper mapper = new ObjectMapper();
      List<Chart.Entry> entries = new ArrayList<>();
      for (JsonNode r : mapper.readTree(text).get("records")) {
        Record rec = RecordJson.create().read(mapper.writeValueAsString(r), resolver).orElseThrow();
        Template t = resolver.resolve(rec.template().id(), rec.template().version()).orElseThrow();
        entries.add(new Chart.Entry(t, rec));
      }
      return VALIDATOR.validate(new Chart(entries));
    }
    org.emrkit.testing.Corpus.Written w = record(file, resolver);
    return (name.endsWith(".terminology.json") ? WITH_TERMINOLOGY : VALIDATOR)
        .validate(w.template(), w.record());
  }

  /** A corpus record (not a chart or a template), read or built through the API. */
  static org.emrkit.testing.Corpus.Written record(Path file, TemplateResolver resolver)
      throws IOException {
    String name = file.getFileName().toString();
    if (file.getParent().getFileName().toString().equals("api")) {
      return org.emrkit.testing.Corpus.apiRecord(name, resolver);
    }
    Record rec = RecordJson.create().read(Files.readString(file), resolver).orElseThrow();
    return new org.emrkit.testing.Corpus.Written(name, rec,
        resolver.resolve(rec.template().id(), rec.template().version()).orElseThrow());
  }

  /** The corpus's files: its records, charts and templates, then the records built by API. */
  static List<Path> files() throws IOException {
    List<Path> out = new ArrayList<>();
    for (String dir : List.of("records", "api")) {
      try (Stream<Path> files = Files.list(DIR.resolve(dir))) {
        out.addAll(files.sorted().toList());
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusFileRaisesItsCode() throws IOException {
    List<Template> templates = templates();
    return files().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      String name = f.getFileName().toString();
      ValidationReport report = run(f, templates);
      if (name.startsWith("clean--")) {
        assertThat(report.findings()).as(report.toText()).isEmpty();
        assertThat(report.grade()).isEqualTo(Grade.JIA);
      } else {
        String code = name.substring(0, name.indexOf("--")).replaceFirst("\\.", "/");
        assertThat(report.findings()).as(report.toText()).extracting(Finding::code).contains(code);
      }
    }));
  }

  @Test
  void theFieldRulesInOnePassFindWhatEachRuleFindsRunAlone() throws IOException {
    // the validator runs the field rules in one pass over the fields (FieldRule); the oracle
    // is a validator per rule, each finding what it finds alone, their findings in rule order
    List<Template> templates = templates();
    TemplateResolver resolver = TemplateResolver.of(templates.toArray(Template[]::new));
    int compared = 0;
    for (Path f : files()) {
      String name = f.getFileName().toString();
      if (name.endsWith(".template.json") || name.endsWith(".chart.json")
          || name.endsWith(".terminology.json")) {
        continue;
      }
      org.emrkit.testing.Corpus.Written w = record(f, resolver);
      Record rec = w.record();
      Template t = w.template();
      List<Finding> alone = new ArrayList<>();
      for (Rule r : VALIDATOR.rules()) {
        alone.addAll(Validator.builder().rule(r).clock(CLOCK).build().validate(t, rec)
            .findings());
      }
      assertThat(VALIDATOR.validate(t, rec).findings()).as(name).isEqualTo(alone);
      compared += alone.isEmpty() ? 0 : 1;
    }
    assertThat(compared).isGreaterThan(50);
  }

  @Test
  void aFieldRuleLeftOutOfAFieldWouldHaveFoundNothingThere() {
    // the validator calls a field rule only for the fields it says it applies to (appliesTo,
    // from the template field and the value's kind); the oracle is the rule asked anyway, on
    // every active field of every corpus record, with the corpus code list so that the code
    // rules look
    int leftOut = 0;
    Set<String> foundWhereApplied = new HashSet<>();
    for (org.emrkit.testing.Corpus.Written w : org.emrkit.testing.Corpus.records()) {
      String name = w.file();
      RecordContext context = new RecordContext(w.template(), w.record(), CLOCK,
          org.emrkit.testing.CorpusTerminology.service(),
          org.emrkit.expr.ExpressionEngine.create());
      for (Rule r : VALIDATOR.rules()) {
        if (!(r instanceof FieldRule rule)) {
          continue;
        }
        for (FieldValue v : context.fields()) {
          if (!v.active()) {
            continue;
          }
          List<String> said = new ArrayList<>();
          rule.check(v, context, new Reporter() {
            @Override
            public void report(String path, org.emrkit.problem.Message message) {
              said.add(message.en());
            }

            @Override
            public void reportVeto(String path, org.emrkit.problem.Message message) {
              said.add(message.en());
            }

            @Override
            public String parameter(String p) {
              return r.info().parameters().get(p);
            }
          });
          if (rule.appliesTo(v.field(), v.kind())) {
            if (!said.isEmpty()) {
              foundWhereApplied.add(rule.code());
            }
          } else {
            leftOut++;
            assertThat(said).as(name + " " + rule.code() + " at " + v.path()).isEmpty();
          }
        }
      }
    }
    assertThat(leftOut).isGreaterThan(1000);
    // every built-in field rule finds something in the corpus where it applies
    assertThat(foundWhereApplied).containsExactlyInAnyOrderElementsOf(VALIDATOR.rules().stream()
        .filter(FieldRule.class::isInstance).map(Rule::code).toList());
  }

  @Test
  void everyRuleCodeAndEveryTimeLimitedDocumentTypeHasACase() throws IOException {
    Set<String> covered = new HashSet<>();
    for (Path f : files()) {
      String name = f.getFileName().toString();
      if (!name.startsWith("clean--")) {
        covered.add(name.substring(0, name.indexOf("--")).replaceFirst("\\.", "/"));
      }
    }
    for (Rule r : VALIDATOR.rules()) {
      assertThat(covered).as("a corpus case for %s", r.code()).contains(r.code());
    }
    Set<String> timeLimited = new HashSet<>();
    for (Path f : files()) {
      String name = f.getFileName().toString();
      if (name.startsWith("cn.time-limit--") && !name.contains(".chart.")) {
        String rec = Files.readString(f);
        timeLimited.add(rec.replaceAll("(?s).*\"template\": \\{\\s*\"id\": \"([^\"]+)\".*", "$1"));
      }
    }
    assertThat(timeLimited).contains("admission-record", "readmission-record",
        "admission-discharge-24h", "admission-death-24h", "first-progress-note", "handover-note",
        "transfer-note", "rescue-record", "consultation-record", "preoperative-summary",
        "operation-record", "postoperative-first-note", "discharge-record", "death-record",
        "death-discussion");
  }

  @Test
  void theBundledDepartmentTemplatesHaveAPlaceForEveryRequiredItem() throws IOException {
    Set<String> bundled = Set.of("admission-record", "first-progress-note", "progress-note",
        "operation-record", "discharge-record", "nursing-record", "front-page");
    int checked = 0;
    for (Template t : templates()) {
      if (bundled.contains(t.id())) {
        assertThat(VALIDATOR.checkTemplate(t).findings()).as(t.id()).isEmpty();
        checked++;
      }
    }
    assertThat(checked).isEqualTo(7);
  }
}

package org.emrkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.emrkit.testing.Samples;
import org.junit.jupiter.api.Test;

/** Bad template JSON is refused with pointers; the published schemas match the shipped ones. */
class TemplateJsonReadTest {

  private static final TemplateJson JSON = TemplateJson.create();

  @Test
  void modelRefusalsPointAtTheObjectThatWasRefused() {
    String json = JSON.write(Samples.admission())
        .replace("\"name\": \"temp\",\n", "\"name\": \"temp\",\n\"pattern\": \"x\",\n");
    ReadResult<?> r = JSON.read(json);
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo("json/template-invalid");
      assertThat(p.pointer()).matches("/blocks/\\d+/children/0/cells/1/content/0/inlines/0");
      assertThat(p.message().en()).contains("attribute pattern does not apply to type decimal");
    });
  }

  @Test
  void aControlCharacterIsAWarningAtItsPointerAndNotInATemplateARecordCarries() {
    org.emrkit.template.Template t = Samples.admission();
    String json = JSON.write(t);
    assertThat(json).contains("\"title\": \"" + t.title() + "\"");
    String bad = json.replace("\"title\": \"" + t.title() + "\"",
        "\"title\": \"" + t.title() + "\\u0007\"");
    ReadResult<?> r = JSON.read(bad);
    // a warning: a template compiled before the DSL refused them still reads
    assertThat(r.isOk()).isTrue();
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.code() + " " + p.pointer()).isEqualTo("json/control-character /title");
      assertThat(p.severity()).isEqualTo(org.emrkit.problem.Severity.WARNING);
      assertThat(p.message().zh()).startsWith("模板中有控制字符 U+0007");
    });
    // tab, line feed and carriage return are not controls here
    assertThat(JSON.read(json.replace("\"title\": \"" + t.title() + "\"",
        "\"title\": \"" + t.title() + "\\t\"")).problems()).isEmpty();
    // a record carrying a template written before the DSL refused them still reads back
    RecordJson records = RecordJson.create();
    org.emrkit.record.Record rec = org.emrkit.record.Record.draft("r-1", t,
        org.emrkit.record.Context.EMPTY);
    String carried = records.write(new org.emrkit.record.Record(rec.id(), rec.template(), t,
        rec.status(), rec.context(), rec.values(), rec.completedAt(), rec.signatures(),
        rec.revisions(), rec.extensions()));
    assertThat(carried).contains(t.title() + "\"");
    assertThat(records.read(carried.replace(t.title() + "\"", t.title() + "\\u0007\""),
        TemplateResolver.of()).isOk()).isTrue();
  }

  @Test
  void eachControlCharacterIsNamedByThePointerOfItsOwnString() throws Exception {
    String json = JSON.write(Samples.admission());
    // one in the title, one in the last text of the template, one in the first
    int first = json.indexOf("\"text\": \"") + 9;
    int last = json.lastIndexOf("\"text\": \"") + 9;
    assertThat(first).isLessThan(last);
    String bad = json.substring(0, first) + "\\u0001" + json.substring(first, last) + "\\u001F"
        + json.substring(last);
    String t = Samples.admission().title();
    bad = bad.replace("\"title\": \"" + t + "\"", "\"title\": \"" + t + "\\u0007\"");
    ReadResult<?> r = JSON.read(bad);
    assertThat(r.isOk()).isTrue();
    assertThat(r.problems()).hasSize(3).allSatisfy(p ->
        assertThat(p.code()).isEqualTo("json/control-character"));
    com.fasterxml.jackson.databind.JsonNode tree =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(bad);
    java.util.Set<String> found = new java.util.HashSet<>();
    for (var p : r.problems()) {
      // the pointer leads to the string that holds it, and to no other
      String s = tree.at(p.pointer()).textValue();
      assertThat(s).as(p.pointer()).isNotNull();
      found.add(s.replaceAll("[^\u0001\u0007\u001F]", ""));
      assertThat(p.message().en()).endsWith(": delete it: " + p.pointer());
    }
    assertThat(found).containsExactlyInAnyOrder("\u0001", "\u0007", "\u001F");
  }

  /**
   * Calcs that read each other in template JSON (written by hand, or compiled before the DSL
   * refused them) read with a warning at the expression that closes the ring: they printed
   * nothing without a word.
   */
  @Test
  void calcsThatReadEachOtherAreAWarningAtTheExpression() throws Exception {
    org.emrkit.template.Field c = org.emrkit.template.Field.builder("c",
        org.emrkit.template.FieldType.CALC).expr("a + 1").build();
    org.emrkit.template.Field d = org.emrkit.template.Field.builder("d",
        org.emrkit.template.FieldType.CALC).expr("c * 2").build();
    org.emrkit.template.Field a = org.emrkit.template.Field.builder("a",
        org.emrkit.template.FieldType.DECIMAL).build();
    org.emrkit.template.Template t = org.emrkit.template.Template.builder("cyc", "1.0.0", "循环")
        .section("计算", b -> b.line(a, c, d)).build();
    String json = JSON.write(t);
    assertThat(JSON.read(json).problems()).isEmpty();
    String ring = json.replace("\"a + 1\"", "\"d + 1\"");
    ReadResult<?> r = JSON.read(ring);
    assertThat(r.isOk()).isTrue();
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo("json/calc-cycle");
      assertThat(p.severity()).isEqualTo(org.emrkit.problem.Severity.WARNING);
      assertThat(p.message().zh()).contains("c → d → c");
      assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(ring)
          .at(p.pointer()).asText()).isEqualTo("c * 2");
    });
  }

  @Test
  void expressionsTheGrammarRefusesAreRefusedOnReadAsInTheDsl() {
    String written = JSON.write(Samples.admission());
    for (String[] swap : new String[][] {
        {"weight / pow(height / 100, 2)", "1 << 40"},
        {"weight / pow(height / 100, 2)", "a" + " + a".repeat(1_000)},
        {"\"condition\": \"sex == '2'\"", "\"condition\": \"sex = '2'\""}}) {
      String json = written.replace(swap[0], swap[1]);
      assertThat(json).as(swap[1]).isNotEqualTo(written);
      ReadResult<?> r = JSON.read(json);
      assertThat(r.problems()).as(swap[1]).singleElement().satisfies(p -> {
        // the schema bounds the length; the grammar is checked as the model is built
        assertThat(p.code()).isIn("json/template-invalid", "json/schema");
        assertThat(p.pointer()).startsWith("/blocks/");
      });
    }
  }

  @Test
  void duplicateNamesPointAtTheSecondUse() {
    String json = JSON.write(Samples.admission())
        .replace("\"name\": \"pulse\"", "\"name\": \"temp\"");
    ReadResult<?> r = JSON.read(json);
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.pointer()).matches("/blocks/\\d+/children/0/cells/3/content/0/inlines/0");
      assertThat(p.message().en()).contains("duplicate name temp");
    });
  }

  @Test
  void schemaViolationsAreAllListed() {
    String json = JSON.write(Samples.admission())
        .replace("\"kind\": \"repeat\"", "\"kind\": \"loop\"")
        .replace("\"type\": \"richtext\"", "\"type\": \"txt\"");
    ReadResult<?> r = JSON.read(json);
    assertThat(r.isOk()).isFalse();
    assertThat(r.problems()).extracting(JsonProblem::pointer)
        .anyMatch(p -> p.endsWith("/kind"))
        .anyMatch(p -> p.endsWith("/type"));
  }

  @Test
  void publishedSchemasAreTheShippedOnes() throws IOException {
    for (String name : new String[] {TemplateJson.SCHEMA, RecordJson.SCHEMA}) {
      Path published = Path.of("..", "docs", "schema", name);
      try (var in = TemplateJson.class.getResourceAsStream(name)) {
        assertThat(in).as(name).isNotNull();
        assertThat(Files.readString(published))
            .as("docs/schema/%s must be a copy of the shipped resource", name)
            .isEqualTo(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
  }
}

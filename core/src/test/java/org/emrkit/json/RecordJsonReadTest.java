package org.emrkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.emrkit.problem.Severity;
import org.emrkit.record.Record;
import org.emrkit.template.Template;
import org.emrkit.testing.Samples;
import org.junit.jupiter.api.Test;

/** Bad record JSON gives every problem with a JSON pointer and a bilingual message, never a half-read record. */
class RecordJsonReadTest {

  private static final RecordJson JSON = RecordJson.create();
  private static final Template TEMPLATE = Samples.admission();

  private static String good() {
    return JSON.write(Samples.admissionRecord());
  }

  private static List<String> pointers(ReadResult<?> r) {
    return r.problems().stream().map(p -> p.code() + " " + p.pointer()).toList();
  }

  @Test
  void theSampleRecordReadsBackEqual() {
    ReadResult<Record> r = JSON.read(good(), TEMPLATE);
    assertThat(r.problems()).isEmpty();
    assertThat(r.orElseThrow()).isEqualTo(Samples.admissionRecord());
    assertThat(r.orElseThrow().values().decimal("temp")).hasValueSatisfying(
        v -> assertThat(v.toPlainString()).isEqualTo("36.8"));
  }

  @Test
  void theWrittenFormIsTheDocumentedOne() {
    String json = good();
    assertThat(json).startsWith("{\n  \"format\": \"emrkit-record/2\",\n  \"id\": \"ZY0012345-ADM-1\",\n"
        + "  \"template\": {\n    \"id\": \"admission-record\",\n    \"version\": \"1.0.0\"\n  },\n"
        + "  \"status\": \"draft\",\n");
    assertThat(json).contains("\"admittedAt\": \"2026-11-20T09:30:00+08:00\"");
    assertThat(json).contains("\"pulse\": 78,\n    \"sex\": \"1\",\n    \"temp\": 36.8\n  },");
    assertThat(json).contains("\"signatures\": [],").contains("\"extensions\": {}\n}\n");
  }

  @Test
  void schemaProblemsCarryPointersAndBothLanguages() {
    String bad = good().replace("\"status\": \"draft\",", "\"foo\": 1,")
        .replace("\"sex\": \"1\",\n      \"birthDate\"", "\"sex\": \"3\",\n      \"birthDate\"")
        .replace("\"admittedAt\": \"2026-11-20T09:30:00+08:00\"", "\"admittedAt\": \"2026-11-20 09:30\"");
    ReadResult<Record> r = JSON.read(bad, TEMPLATE);
    assertThat(r.isOk()).isFalse();
    assertThat(pointers(r)).contains("json/schema /foo", "json/schema /status",
        "json/schema /context/patient/sex", "json/schema /context/encounter/admittedAt");
    for (JsonProblem p : r.problems()) {
      assertThat(p.severity()).isEqualTo(Severity.ERROR);
      assertThat(p.message().en()).isNotBlank();
      assertThat(p.message().zh()).isNotBlank().isNotEqualTo(p.message().en());
    }
  }

  @Test
  void valuesAreCheckedAgainstTheTemplateAndAllProblemsAreCollected() {
    String bad = good()
        .replace("\"temp\": 36.8", "\"temp\": \"36.8\", \"nope\": 1")
        .replace("\"pulse\": 78", "\"pulse\": 78.5")
        .replace("\"at\": \"2026-11-20T15:00:00+08:00\"", "\"at\": \"2026-11-20T15:00:00\"")
        .replace("\"allergies\": [\n      \"青霉素\"\n    ]", "\"allergies\": [\"青霉素\", 2]")
        .replace("\"code\": \"I20.000\",", "\"kode\": \"I20.000\",");
    ReadResult<Record> r = JSON.read(bad, TEMPLATE);
    assertThat(r.get()).isEmpty();
    assertThat(pointers(r)).containsExactlyInAnyOrder(
        "json/type /values/allergies/1",
        "json/type /values/diagnosis",
        "json/unknown-field /values/nope",
        "json/type /values/progressNotes/0/at",
        "json/type /values/pulse",
        "json/type /values/temp");
    JsonProblem unknown = r.problems().stream()
        .filter(p -> p.code().equals("json/unknown-field")).findFirst().orElseThrow();
    assertThat(unknown.message().zh()).isEqualTo("模板中没有字段 nope");
    assertThat(unknown.message().en()).isEqualTo("the template has no field nope");
  }

  @Test
  void storedComputedValuesAndEmptyValuesAreWarningsAndDropped() {
    String json = good().replace("\"temp\": 36.8", "\"temp\": 36.8, \"bmi\": 22.5, "
        + "\"hospital\": \"x\", \"menstrual\": \"\", \"height\": null");
    ReadResult<Record> r = JSON.read(json, TEMPLATE);
    assertThat(r.isOk()).isTrue();
    assertThat(pointers(r)).containsExactlyInAnyOrder("json/computed-value /values/bmi",
        "json/computed-value /values/hospital", "json/empty-value /values/menstrual",
        "json/empty-value /values/height");
    assertThat(r.problems()).allMatch(p -> p.severity() == Severity.WARNING);
    assertThat(r.orElseThrow()).isEqualTo(Samples.admissionRecord());
  }

  @Test
  void aRecordOfAnotherTemplateVersionIsRefused() {
    String json = good().replace("\"version\": \"1.0.0\"", "\"version\": \"2.0.0\"");
    ReadResult<Record> r = JSON.read(json, TEMPLATE);
    assertThat(pointers(r)).containsExactly("json/template-unknown /template");
    assertThat(r.errors().get(0).message().en()).contains("admission-record@2.0.0");
  }

  @Test
  void aRecordCarryingItsTemplateNeedsNoResolver() {
    Record withTemplate = Samples.admissionRecord().withEmbeddedTemplate(TEMPLATE);
    String json = JSON.write(withTemplate);
    ReadResult<Record> r = JSON.read(json, (id, version) -> java.util.Optional.empty());
    assertThat(r.problems()).isEmpty();
    assertThat(r.orElseThrow()).isEqualTo(withTemplate);
    String broken = json.replace("\"name\": \"chiefComplaint\"", "\"name\": \"1bad\"");
    ReadResult<Record> b = JSON.read(broken, (id, version) -> java.util.Optional.empty());
    assertThat(b.problems()).hasSize(1);
    assertThat(b.problems().get(0).pointer()).startsWith("/template/content/blocks/");
  }

  @Test
  void syntaxErrorsAndDuplicateMembersAreReportedWithTheirPosition() {
    ReadResult<Record> r = JSON.read("{\"format\": \"emrkit-record/1\",\n \"id\": }", TEMPLATE);
    assertThat(pointers(r)).containsExactly("json/syntax ");
    assertThat(r.problems().get(0).message().en()).contains("line 2");
    ReadResult<Record> d = JSON.read(good().replace("\"status\": \"draft\",",
        "\"status\": \"draft\", \"status\": \"signed\","), TEMPLATE);
    assertThat(d.problems().get(0).message().en()).contains("Duplicate field 'status'");
    ReadResult<Record> trailing = JSON.read(good() + "\n{}", TEMPLATE);
    assertThat(pointers(trailing)).containsExactly("json/syntax ");
    assertThat(trailing.problems().get(0).message().en()).contains("line 60", "Trailing token");
  }

  @Test
  void inputIsBounded() {
    JsonLimits small = new JsonLimits(100_000, 40, 1_000, 5);
    RecordJson bounded = RecordJson.create(small);
    String deep = "[".repeat(50) + "]".repeat(50);
    assertThat(pointers(bounded.read(deep, TEMPLATE))).containsExactly("json/limit ");
    String longString = good().replace("反复胸闷3天", "胸".repeat(2_000));
    assertThat(pointers(bounded.read(longString, TEMPLATE))).containsExactly("json/limit ");
    String big = " ".repeat(100_001);
    assertThat(pointers(bounded.read(big, TEMPLATE))).containsExactly("json/too-large ");
    ReadResult<Record> many = bounded.read(good(), TEMPLATE);
    assertThat(many.isOk()).isFalse();
    assertThat(many.errors()).singleElement()
        .satisfies(p -> assertThat(p.code()).isEqualTo("json/limit"));
  }

  @Test
  void tenMegabyteStringsAreRefusedByTheDefaultLimits() {
    String huge = good().replace("反复胸闷3天", "x".repeat(10 * 1024 * 1024));
    ReadResult<Record> r = JSON.read(huge, TEMPLATE);
    assertThat(r.errors()).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("json/limit"));
  }

  @Test
  void numbersOutOfRangeAreRefusedWithTheirPointerBeforeAnyoneWritesThemOut() {
    // ten bytes each; written out (canonical JSON, the precision rule) they were a billion
    // digits: 1e999999 hung validation, 1e-999999999 ran out of memory
    for (String n : List.of("1e999999", "-1e999999999", "1e-999999999", "9.9e100", "1e-101")) {
      ReadResult<Record> r = JSON.read(good().replace("\"temp\": 36.8", "\"temp\": " + n),
          TEMPLATE);
      assertThat(pointers(r)).as(n).containsExactly("json/number-range /values/temp");
      assertThat(r.errors().get(0).message().zh()).as(n).contains("数值超出范围");
    }
    ReadResult<Record> fine = JSON.read(good().replace("\"temp\": 36.8", "\"temp\": 3.68e1"),
        TEMPLATE);
    assertThat(fine.isOk()).as("an exponent in range is a number like any other").isTrue();
    // 101 digits before the point: out of range, named by its pointer (the parser takes
    // numbers as long as the longest in range, 100 digits on each side of the point)
    ReadResult<Record> digits = JSON.read(good().replace("\"temp\": 36.8", "\"temp\": "
        + "3".repeat(101)), TEMPLATE);
    assertThat(pointers(digits)).containsExactly("json/number-range /values/temp");
    ReadResult<Record> longest = JSON.read(good().replace("\"temp\": 36.8", "\"temp\": "
        + "3".repeat(100) + "." + "3".repeat(100)), TEMPLATE);
    assertThat(longest.isOk()).isTrue();
    // longer than any number in range: refused by the parser, where it stands in the text
    ReadResult<Record> longer = JSON.read(good().replace("\"temp\": 36.8", "\"temp\": "
        + "3".repeat(203)), TEMPLATE);
    assertThat(pointers(longer)).containsExactly("json/limit ");
    assertThat(longer.errors().get(0).message().en()).contains("line ");
  }

  @Test
  void charactersThatCannotBeShownHonestlyAreRefusedWithTheirPointer() {
    // they passed validation and then failed in the PDF (or, U+202E, showed other text)
    for (String[] c : new String[][] {{"\\u202E", "U+202E"}, {"\\u2066", "U+2066"},
        {"\\uFFFF", "U+FFFF"}, {"\\uFDD0", "U+FDD0"}, {"\\uD800", "U+D800"},
        {"\\uDFFF", "U+DFFF"}}) {
      ReadResult<Record> r = JSON.read(good().replace("反复胸闷3天", "反复" + c[0] + "胸闷3天"),
          TEMPLATE);
      assertThat(pointers(r)).as(c[1]).containsExactly("json/character /values/chiefComplaint");
      assertThat(r.errors().get(0).message().en()).as(c[1]).contains(c[1]);
    }
    ReadResult<Record> emoji = JSON.read(good().replace("反复胸闷3天", "反复胸闷3天\\uD83D\\uDE00"),
        TEMPLATE);
    assertThat(emoji.errors()).as("a whole supplementary character is a character").isEmpty();
    ReadResult<Record> lines = JSON.read(good().replace("反复胸闷3天", "反复胸闷3天\\t\\r\\n"),
        TEMPLATE);
    assertThat(lines.errors()).as("tab, carriage return and line feed are text").isEmpty();
    // a control character is read (records saved with one must still open; the CDA export
    // writes it as XML may hold it)
    ReadResult<Record> control = JSON.read(good().replace("反复胸闷3天", "反复胸闷\\u000B3天"),
        TEMPLATE);
    assertThat(control.errors()).isEmpty();
  }
}

package org.emrkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.emrkit.testing.Seeds;
import org.emrkit.json.JsonProblem;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Coding;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.junit.jupiter.api.Test;

/**
 * {@code field/value-type} and {@code field/unplaced-value} on records a host builds through the
 * API: they find exactly the values the record's own JSON could not be read back with (or reads
 * back as another kind), which an edit session will not open, and every rule runs on such a
 * record without failing.
 */
class ValueTypeTest {

  private static final Validator VALIDATOR = ValidatorTest.validator()
      .pack(org.emrkit.validation.rules.FrontPageRules.pack()).build();

  @Test
  void findsExactlyTheValuesTheJsonReaderRefusesWhenTheRecordIsWrittenAndReadBack() {
    // the fields the clean record shows (a hidden field's value is not checked, as every field
    // rule's: field/inactive-value says so)
    List<Field> stored = new RecordContext(ValidatorTest.T, ValidatorTest.CLEAN,
        ValidatorTest.CLOCK, org.emrkit.terminology.TerminologyService.none(),
        org.emrkit.expr.ExpressionEngine.create()).fields().stream()
        .filter(f -> f.active() && f.path().lastIndexOf('/') == "/values".length())
        .map(FieldValue::field)
        .filter(f -> f.type().isStored() && f.type() != FieldType.SIGNATURE).distinct().toList();
    assertThat(stored).hasSizeGreaterThan(20);
    int[] wrong = {0};
    Seeds.check("field/value-type = what the JSON round trip refuses or changes", 300, rnd -> {
      Field field = stored.get(rnd.nextInt(stored.size()));
      Value value = random(rnd);
      Record r = ValidatorTest.CLEAN.withValues(ValidatorTest.CLEAN.values()
          .with(field.name(), value));
      boolean found = false;
      for (Finding f : VALIDATOR.validate(ValidatorTest.T, r).findings()) {
        assertThat(f.code()).as("every rule runs on it: %s", f).isNotEqualTo("engine/rule-failed");
        if (f.code().equals("field/value-type")) {
          assertThat(f.path()).isEqualTo("/values/" + field.name());
          found = true;
        }
      }
      // the oracle: the record's JSON, read back with its template, refuses the value or reads
      // another one (a date in a text field comes back a text)
      var back = RecordJson.create().read(RecordJson.create().write(r), ValidatorTest.T);
      boolean refused = false;
      for (JsonProblem p : back.problems()) {
        if (p.code().equals("json/type") || p.code().equals("json/invalid")) {
          assertThat(p.pointer()).matches("/values/" + field.name() + "(/.*)?");
          refused = true;
        }
      }
      boolean changed = !refused && !back.orElseThrow().values().get(field.name())
          .equals(java.util.Optional.of(value));
      assertThat(found).as("%s %s in a %s field", value.kind(), value, field.type())
          .isEqualTo(refused || changed);
      // and an edit session will not open it (its own check, ValueChecks)
      boolean opened;
      try {
        org.emrkit.edit.EditSession.open(ValidatorTest.T, r, new org.emrkit.record.Actor("u-1",
            "李明", org.emrkit.record.Role.RESIDENT));
        opened = true;
      } catch (org.emrkit.edit.RecordRefusedException e) {
        assertThat(e.pointer()).isEqualTo("/values/" + field.name());
        opened = false;
      }
      assertThat(opened).isEqualTo(!found);
      wrong[0] += found ? 1 : 0;
    });
    assertThat(wrong[0]).as("wrong values made").isGreaterThan(100);
  }

  @Test
  void aFractionInAnIntegerFieldIsFoundAndAWholeNumberWrittenWithZerosIsNot() {
    Record r = ValidatorTest.CLEAN.withValues(ValidatorTest.CLEAN.values()
        .with("pulse", new Value.Num(new BigDecimal("78.5")))
        .with("respiration", new Value.Num(new BigDecimal("18.00"))));
    List<String> said = new ArrayList<>();
    for (Finding f : VALIDATOR.validate(ValidatorTest.T, r).findings()) {
      if (f.code().equals("field/value-type")) {
        said.add(f.path() + " " + f.message().zh());
      }
    }
    assertThat(said).containsExactly("/values/pulse “脉搏”应填整数，现为小数 78.5");
  }

  @Test
  void aWholeNumberWrittenWithZerosReadsBackIntoAnIntegerFieldAndAFractionDoesNot() {
    // the edit session lets 18.00 into an integer field (Value.fits); its JSON is 18.00, which
    // the reader refused as not whole: a record saved and then unreadable
    for (String n : List.of("18.00", "78.5")) {
      Record r = ValidatorTest.CLEAN.withValues(ValidatorTest.CLEAN.values()
          .with("pulse", new Value.Num(new BigDecimal(n))));
      String json = RecordJson.create().write(r);
      assertThat(json).contains("\"pulse\": " + n);
      var back = RecordJson.create().read(json, ValidatorTest.T);
      if (n.equals("18.00")) {
        assertThat(back.problems()).isEmpty();
        assertThat(back.orElseThrow().values().get("pulse"))
            .contains(new Value.Num(new BigDecimal("18.00")));
      } else {
        assertThat(back.problems()).extracting(JsonProblem::pointer, JsonProblem::code)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("/values/pulse", "json/type"));
      }
    }
  }

  @Test
  void aNameTheTemplateLacksAndATextUnderAListsNameAreFoundWhereTheReaderRefusesThem() {
    var values = ValidatorTest.CLEAN.values();
    Values row = values.rows("diagnoses").get(0).with("diagnosi", new Value.Str("I20.000"));
    Record typos = ValidatorTest.CLEAN.withValues(values.with("temprature", new Value.Str("36.8"))
        .with("diagnoses", new Value.Rows(List.of(row, row))));
    Record notAList = ValidatorTest.CLEAN.withValues(values.with("diagnoses",
        new Value.Str("不稳定型心绞痛")));
    for (Record r : List.of(typos, notAList)) {
      List<String> found = new ArrayList<>();
      for (Finding f : VALIDATOR.validate(ValidatorTest.T, r).findings()) {
        if (f.code().equals("field/unplaced-value")) {
          found.add(f.path() + " " + f.message().zh());
        }
      }
      List<String> refused = new ArrayList<>();
      for (JsonProblem p : RecordJson.create().read(RecordJson.create().write(r),
          ValidatorTest.T).problems()) {
        if (p.severity() == org.emrkit.problem.Severity.ERROR) {
          refused.add(p.pointer());
        }
      }
      assertThat(found).extracting(x -> x.substring(0, x.indexOf(' ')))
          .containsExactlyInAnyOrderElementsOf(refused);
      if (r == typos) {
        // the record's own scope first, then each entry as the walk meets it
        assertThat(found).containsExactly(
            "/values/temprature 模板中没有字段“temprature”，其值不打印、不检查",
            "/values/diagnoses/0/diagnosi 模板中没有字段“diagnosi”，其值不打印、不检查",
            "/values/diagnoses/1/diagnosi 模板中没有字段“diagnosi”，其值不打印、不检查");
      } else {
        assertThat(found).containsExactly(
            "/values/diagnoses “diagnoses”是条目列表，现为文本，不打印、不检查");
      }
    }
    // a record read from JSON never holds one
    assertThat(VALIDATOR.validate(ValidatorTest.T, ValidatorTest.CLEAN).findings()).isEmpty();
  }

  @Test
  void listsNestedDeeperThanTheBoundAreRefusedWhenMadeAndTheDeepestThatIsMadeIsValidated() {
    // a host's runaway recursion: 3,000 levels of lists ran the audit, the JSON writer and the
    // renderers out of stack (a StackOverflowError out of validate())
    Value v = new Value.Str("x");
    for (int i = 0; i < Values.MAX_DEPTH; i++) {
      v = new Value.Rows(List.of(Values.of(java.util.Map.of("x", v))));
    }
    assertThat(((Value.Rows) v).depth()).isEqualTo(Values.MAX_DEPTH);
    Value deepest = v;
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Value.Rows(List.of(
        Values.of(java.util.Map.of("x", deepest))))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nested more than " + Values.MAX_DEPTH);
    Record r = ValidatorTest.CLEAN.withValues(ValidatorTest.CLEAN.values()
        .with("chiefComplaint", deepest));
    assertThat(VALIDATOR.validate(ValidatorTest.T, r).findings()).extracting(Finding::code)
        .contains("field/value-type").doesNotContain("engine/rule-failed");
    assertThat(RecordJson.create().write(r)).contains("\"chiefComplaint\"");
  }

  @Test
  void theUnplacedValuesFoundAsTheWalkGoesAreThoseAPassOverTheValuesFinds() {
    // the rule reads what the walk found scope by scope; the oracle walks the values alone
    Seeds.check("field/unplaced-value = a pass over the values", 100, rnd -> {
      Values values = ValidatorTest.CLEAN.values();
      List<Values> rows = new ArrayList<>(values.rows("diagnoses"));
      for (int i = rnd.nextInt(4); i > 0; i--) {
        rows.add(rows.get(0));
      }
      for (int i = rnd.nextInt(6); i > 0; i--) {
        String name = List.of("temprature", "diagnosi", "a/b", "~x", "pulse").get(
            rnd.nextInt(5));
        if (rnd.nextBoolean()) {
          values = values.with(name, new Value.Str("x"));
        } else {
          int k = rnd.nextInt(rows.size());
          rows.set(k, rows.get(k).with(name, new Value.Num(BigDecimal.ONE)));
        }
      }
      values = values.with("diagnoses", rnd.nextInt(5) == 0 ? new Value.Str("不稳定型心绞痛")
          : new Value.Rows(rows));
      Record r = ValidatorTest.CLEAN.withValues(values);
      List<String> found = new ArrayList<>();
      for (Finding f : VALIDATOR.validate(ValidatorTest.T, r).findings()) {
        if (f.code().equals("field/unplaced-value")) {
          found.add(f.path());
        }
      }
      List<String> oracle = new ArrayList<>();
      unplaced(values, ValidatorTest.T.scope(), "/values", oracle);
      assertThat(found).containsExactlyInAnyOrderElementsOf(oracle);
    });
  }

  private static void unplaced(Values values, org.emrkit.template.FieldScope scope, String at,
      List<String> out) {
    values.asMap().forEach((name, v) -> {
      String p = at + "/" + name.replace("~", "~0").replace("/", "~1");
      if (scope.fields().containsKey(name)) {
        return;
      }
      org.emrkit.template.FieldScope g = scope.groups().get(name);
      if (g == null || !(v instanceof Value.Rows rows)) {
        out.add(p);
        return;
      }
      for (int i = 0; i < rows.rows().size(); i++) {
        unplaced(rows.rows().get(i), g, p + "/" + i, out);
      }
    });
  }

  /** A value of a random kind; texts that do not read as a date or a time. */
  private static Value random(SplittableRandom rnd) {
    return switch (rnd.nextInt(9)) {
      case 0 -> new Value.Str(List.of("阴性", "36.8", "青霉素", "昨天", "无").get(rnd.nextInt(5)));
      case 1 -> new Value.Num(new BigDecimal(rnd.nextInt(200)));
      case 2 -> new Value.Num(new BigDecimal(rnd.nextInt(200) + "." + (1 + rnd.nextInt(9))));
      case 3 -> new Value.Bool(rnd.nextBoolean());
      case 4 -> new Value.Date(LocalDate.of(2026, 11, 1 + rnd.nextInt(28)));
      case 5 -> new Value.DateTime(OffsetDateTime.parse("2026-11-20T09:30:00+08:00"));
      case 6 -> new Value.Time(LocalTime.of(rnd.nextInt(24), 30));
      case 7 -> new Value.Choices(List.of("1"));
      default -> new Value.Coded(new Coding("I20.000", "不稳定型心绞痛", "ICD-10"));
    };
  }
}

package org.emrkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.template.Template;
import org.emrkit.validation.rules.FieldRules;
import org.emrkit.validation.rules.WritingStandardRules;
import org.junit.jupiter.api.Test;

/** Scoring, grading, overrides, host rules and report output of the validator. */
class ValidatorTest {

  static final Clock CLOCK = Clock.fixed(OffsetDateTime.parse("2026-11-28T12:00:00+08:00")
      .toInstant(), ZoneOffset.ofHours(8));
  static final Template T;
  static final Record CLEAN;

  static {
    try {
      java.nio.file.Path dir = java.nio.file.Path.of("src/test/resources/validation");
      T = org.emrkit.json.TemplateJson.create().read(java.nio.file.Files.readString(
          dir.resolve("templates/admission-record.json"))).orElseThrow();
      CLEAN = org.emrkit.json.RecordJson.create().read(java.nio.file.Files.readString(
          dir.resolve("records/clean--admission-record.json")), T).orElseThrow();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Validator.Builder validator() {
    return Validator.builder().pack(FieldRules.pack()).pack(WritingStandardRules.pack())
        .clock(CLOCK);
  }

  static Record without(String... names) {
    Record r = CLEAN;
    var v = r.values();
    for (String n : names) {
      v = v.without(n);
    }
    return sealed(r.withValues(v));
  }

  /** A record as if written with these values and signed (the corpus way: CorpusSealer). */
  static Record sealed(Record r) {
    return org.emrkit.testing.CorpusSealer.seal(T, org.emrkit.testing.CorpusSealer.unseal(r));
  }

  @Test
  void aVetoGradesBingWhateverTheScore() {
    ValidationReport r = validator().build().validate(T, without("hpi"));
    assertThat(r.score()).isGreaterThanOrEqualTo(new BigDecimal("90"));
    assertThat(r.findings()).anyMatch(Finding::veto);
    assertThat(r.grade()).isEqualTo(Grade.BING);
  }

  @Test
  void thresholdsFromTheOptionsChangeTheGrade() {
    // cn/required-item, 2 points, and field/required, 1 point: 97
    Record r = without("chiefComplaint");
    Validator strict = validator().options(ValidatorOptions.DEFAULT.withThresholds("98", "97"))
        .build();
    Validator lenient = validator().build();
    assertThat(lenient.validate(T, sealed(r)).grade()).isEqualTo(Grade.JIA);
    assertThat(strict.validate(T, sealed(r)).score()).isEqualByComparingTo("97");
    assertThat(strict.validate(T, sealed(r)).grade()).isEqualTo(Grade.YI);
    Validator harsh = validator().options(ValidatorOptions.DEFAULT.withThresholds("100", "99"))
        .build();
    assertThat(harsh.validate(T, sealed(r)).grade()).isEqualTo(Grade.BING);
  }

  @Test
  void aMissingVitalSignVetoesOnlyWhenEveryVitalSignIsMissing() {
    ValidationReport one = validator().build().validate(T, without("temp"));
    assertThat(one.withCode("cn/required-item")).singleElement()
        .satisfies(f -> assertThat(f.veto()).isFalse());
    ValidationReport all = validator().build().validate(T,
        without("temp", "pulse", "respiration", "sbp", "dbp"));
    assertThat(all.withCode("cn/required-item")).hasSize(5).allSatisfy(f -> {
      assertThat(f.veto()).isTrue();
      assertThat(f.message().zh()).endsWith("(单项否决)");
    });
  }

  @Test
  void twoYiLevelDefectsCapTheGradeAtYi() {
    Record r = without("personalHistory", "familyHistory");
    Validator v = validator().options(ValidatorOptions.DEFAULT.withYiLevelRules(
        Set.of("cn/required-item"))).build();
    ValidationReport report = v.validate(T, sealed(r));
    assertThat(report.score()).isGreaterThanOrEqualTo(new BigDecimal("90"));
    assertThat(report.grade()).isEqualTo(Grade.YI);
  }

  @Test
  void overridesChangeSeverityDeductionParametersOrSwitchARuleOff() {
    Record r = sealed(CLEAN).withValues(CLEAN.values()
        .with("chiefComplaint", new Value.Str("反复胸闷伴气短三天")));
    ValidatorOptions o = ValidatorOptions.DEFAULT
        .withOverride("cn/chief-complaint-length", RuleOverride.parameters(Map.of("maxCharacters", "5")))
        .withOverride("cn/chief-complaint-duration", RuleOverride.off())
        .withOverride("cn/required-item", new RuleOverride(false, Severity.WARNING,
            new BigDecimal("0.5"), false, Map.of()));
    ValidationReport report = validator().options(o).build().validate(T, sealed(r.withValues(
        r.values().without("hpi"))));
    assertThat(report.withCode("cn/chief-complaint-length")).singleElement()
        .satisfies(f -> assertThat(f.message().zh()).isEqualTo("主诉超过5字(当前9字)"));
    assertThat(report.withCode("cn/chief-complaint-duration")).isEmpty();
    // the override's veto=false replaces the default; 现病史's own veto is per finding
    assertThat(report.withCode("cn/required-item")).allSatisfy(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.deduction()).isEqualByComparingTo("0.5");
    });
  }

  @Test
  void hostRulesRunAndAFaultyRuleIsReportedNotThrown() {
    RecordRule bedRule = new RecordRule() {
      @Override
      public RuleInfo info() {
        return new RuleInfo("host/bed", Message.of("床号", "bed"), "host", Severity.ERROR,
            BigDecimal.ONE, false, Map.of(), Message.of("缺床号", "no bed"));
      }

      @Override
      public void check(RecordContext context, Reporter reporter) {
        if (!"12".equals(context.record().context().encounter().bed())) {
          reporter.report("/context/encounter/bed", Message.of("床号不是12", "bed is not 12"));
        }
      }
    };
    RecordRule broken = new RecordRule() {
      @Override
      public RuleInfo info() {
        return new RuleInfo("host/broken", Message.of("坏", "broken"), "host", Severity.ERROR,
            BigDecimal.ZERO, false, Map.of(), Message.of("坏", "broken"));
      }

      @Override
      public void check(RecordContext context, Reporter reporter) {
        throw new IllegalStateException("boom");
      }
    };
    ValidationReport r = validator().rule(bedRule).rule(broken).build().validate(T, CLEAN);
    assertThat(r.withCode("host/bed")).isEmpty();
    assertThat(r.withCode("engine/rule-failed")).singleElement()
        .satisfies(f -> assertThat(f.message().en()).contains("host/broken", "boom"));
  }

  @Test
  void aFieldRuleThatFailsKeepsWhatItFoundAndStopsAsIfItRanAlone() {
    // field rules run in one pass over the fields, all of them per field: a host field rule that
    // fails on its third field is reported once, keeps its first two findings and checks no
    // more fields; the rules after it still run on every field
    FieldRule third = new FieldRule() {
      private int seen;

      @Override
      public RuleInfo info() {
        return hostInfo("host/third");
      }

      @Override
      public void check(FieldValue f, RecordContext context, Reporter reporter) {
        if (++seen == 3) {
          throw new IllegalStateException("third field");
        }
        reporter.report(f.path(), Message.of("看过", "seen"));
      }
    };
    FieldRule every = new FieldRule() {
      @Override
      public RuleInfo info() {
        return hostInfo("host/every");
      }

      @Override
      public void check(FieldValue f, RecordContext context, Reporter reporter) {
        reporter.report(f.path(), Message.of("看过", "seen"));
      }
    };
    ValidationReport r = validator().rule(third).rule(every).build().validate(T, CLEAN);
    long active = new RecordContext(T, CLEAN, CLOCK, org.emrkit.terminology.TerminologyService
        .none(), org.emrkit.expr.ExpressionEngine.create()).fields().stream()
        .filter(FieldValue::active).count();
    assertThat(r.withCode("host/third")).hasSize(2);
    assertThat(r.withCode("engine/rule-failed")).singleElement()
        .satisfies(f -> assertThat(f.message().en()).contains("host/third", "third field"));
    assertThat(r.withCode("host/every")).hasSize((int) active);
    // in the order of the rules: the failing rule's findings and its failure, then the next's
    List<String> codes = r.findings().stream().map(Finding::code)
        .filter(c -> c.startsWith("host/") || c.startsWith("engine/")).toList();
    assertThat(codes.subList(0, 3)).containsExactly("host/third", "host/third",
        "engine/rule-failed");
    assertThat(codes.subList(3, codes.size())).containsOnly("host/every");
  }

  @Test
  void aFieldRuleIsAskedOnlyForTheFieldsItAppliesToInEachTemplate() throws java.io.IOException {
    // the validator keeps, per template and field, which field rules apply (appliesTo); a host
    // rule for choices sees the choice fields of each template it validates, and only those
    List<String> seen = new java.util.ArrayList<>();
    FieldRule choices = fieldRule("host/choices",
        (field, kind) -> field.type() == org.emrkit.template.FieldType.CHOICE,
        (f, r) -> seen.add(f.path()));
    Validator v = validator().rule(choices).build();
    java.nio.file.Path dir = java.nio.file.Path.of("src/test/resources/validation");
    Template note = org.emrkit.json.TemplateJson.create().read(java.nio.file.Files.readString(
        dir.resolve("templates/progress-note.json"))).orElseThrow();
    Record noteRecord = org.emrkit.json.RecordJson.create().read(java.nio.file.Files.readString(
        dir.resolve("records/clean--progress-note.json")), note).orElseThrow();
    for (int round = 0; round < 2; round++) {
      for (Template t : List.of(T, note)) {
        Record rec = t == T ? CLEAN : noteRecord;
        seen.clear();
        v.validate(t, rec);
        List<String> expected = new RecordContext(t, rec, CLOCK,
            org.emrkit.terminology.TerminologyService.none(),
            org.emrkit.expr.ExpressionEngine.create()).fields().stream()
            .filter(f -> f.active() && choices.appliesTo(f.field(), null)).map(FieldValue::path)
            .toList();
        assertThat(expected).as(t.id()).isNotEmpty();
        assertThat(seen).as(t.id() + ", round " + round).isEqualTo(expected);
      }
    }
  }

  @Test
  void aCodingAHostPutInAChoiceFieldIsStillCheckedAgainstItsEdition() {
    // a host builds records through the API, where nothing checks a value's type against its
    // field's when it is built (field/value-type finds it; an edit session will not open it, so
    // it is not sealed): the code rules look at every coded value, whatever its field
    Record r = CLEAN.withValues(CLEAN.values().with("informant", new Value.Coded(
        new org.emrkit.record.Coding("X99.999", "无此病", "icd10-clinical", "2.0"))));
    ValidationReport report = validator().terminology(org.emrkit.testing.CorpusTerminology
        .service()).build().validate(T, r);
    assertThat(report.withCode("field/code")).singleElement()
        .satisfies(f -> assertThat(f.path()).isEqualTo("/values/informant/code"));
  }

  @Test
  void aFieldRuleIsAskedOnlyForTheKindsOfValueItAppliesTo() {
    // the plan is kept per field and kind of value: a rule for numbers sees the numbers, and
    // not the same field empty
    List<String> seen = new java.util.ArrayList<>();
    FieldRule numbers = fieldRule("host/numbers", (field, kind) -> kind == Value.Num.class,
        (f, r) -> seen.add(f.path()));
    Validator v = validator().rule(numbers).build();
    for (Record rec : List.of(CLEAN, without("temp"), CLEAN)) {
      seen.clear();
      v.validate(T, rec);
      List<String> expected = new RecordContext(T, rec, CLOCK,
          org.emrkit.terminology.TerminologyService.none(),
          org.emrkit.expr.ExpressionEngine.create()).fields().stream()
          .filter(f -> f.active() && f.value() instanceof Value.Num).map(FieldValue::path)
          .toList();
      assertThat(expected).contains("/values/pulse");
      assertThat(seen).isEqualTo(expected);
    }
    assertThat(seen).contains("/values/temp");
  }

  @Test
  void aFieldRuleWhoseAppliesToFailsIsAskedEverywhereAndItsFailureShows() {
    FieldRule faulty = fieldRule("host/faulty", (field, kind) -> {
      throw new IllegalStateException("appliesTo");
    }, (f, r) -> {
      throw new IllegalStateException("check " + f.field().name());
    });
    ValidationReport r = validator().rule(faulty).build().validate(T, CLEAN);
    assertThat(r.withCode("engine/rule-failed")).singleElement()
        .satisfies(f -> assertThat(f.message().en()).contains("host/faulty", "check "));
  }

  /** A host field rule: the fields it applies to, and what it does with each occurrence. */
  private static FieldRule fieldRule(String code,
      java.util.function.BiPredicate<org.emrkit.template.Field,
          Class<? extends org.emrkit.record.Value>> applies,
      java.util.function.BiConsumer<FieldValue, Reporter> check) {
    return new FieldRule() {
      @Override
      public RuleInfo info() {
        return hostInfo(code);
      }

      @Override
      public boolean appliesTo(org.emrkit.template.Field field,
          Class<? extends org.emrkit.record.Value> kind) {
        return applies.test(field, kind);
      }

      @Override
      public void check(FieldValue f, RecordContext context, Reporter reporter) {
        check.accept(f, reporter);
      }
    };
  }

  /** A host rule's description: an information finding, no deduction. */
  private static RuleInfo hostInfo(String code) {
    return new RuleInfo(code, Message.of(code, code), "host", Severity.INFO, BigDecimal.ZERO,
        false, Map.of(), Message.of(code, code));
  }

  @Test
  void reportsAsJsonAndText() {
    ValidationReport r = validator().build().validate(T, without("hpi"));
    String json = ReportJson.write(r);
    assertThat(json).startsWith("{\n  \"score\": ").contains("\"grade\": \"丙\"")
        .contains("\"code\": \"cn/required-item\"").contains("\"path\": \"/values/hpi\"")
        .contains("\"zh\": \"缺少“现病史”(单项否决)\"").contains("\"veto\": true");
    assertThat(r.toText()).startsWith("评分 score ").contains("等级 grade 丙")
        .contains("error cn/required-item /values/hpi -2 否决: 缺少“现病史”(单项否决)");
  }

  @Test
  void fieldsInsideAFalseConditionAreNotRequiredAndTheirValuesAreKept() {
    // 过敏药物 (allergies) sits in ::: if allergyPresent == '有'; the clean record says 无
    Record r = sealed(CLEAN).withValues(CLEAN.values().with("allergies",
        new Value.Choices(List.of("青霉素"))));
    ValidationReport report = validator().build().validate(T, sealed(r));
    assertThat(report.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("field/inactive-value");
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.path()).isEqualTo("/values/allergies");
      assertThat(f.deduction()).isEqualByComparingTo("0");
    });
    assertThat(r.values().choices("allergies")).containsExactly("青霉素");
    ValidationReport shown = validator().build().validate(T, sealed(r.withValues(r.values()
        .with("allergyPresent", new Value.Str("有")).without("allergies"))));
    assertThat(shown.withCode("field/required")).extracting(Finding::path)
        .containsExactly("/values/allergies");
  }

  @Test
  void aRowAddedBesideSignedRowsIsNoAmendmentButAnUntracedChangeToASignedRowIs() {
    Template nursing = org.emrkit.testing.Corpus.template("nursing-record");
    Record sealed = org.emrkit.testing.Corpus.record("clean--nursing-record.json", nursing);
    org.emrkit.record.Actor nurse = new org.emrkit.record.Actor("u-3001", "赵芳",
        org.emrkit.record.Role.NURSE);
    var s = org.emrkit.edit.EditSession.builder(nursing, sealed, nurse).clock(
        new org.emrkit.testing.TestClock("2026-11-20T16:00:00+08:00")).open();
    assertThat(s.addEntry("/nursingRows", org.emrkit.record.Values.of(Map.of("observation",
        new Value.Str("患者午睡后诉轻度胸闷。")))).isApplied()).isTrue();
    Validator v = Validator.builder().pack(WritingStandardRules.pack()).clock(CLOCK).build();
    assertThat(v.validate(nursing, s.commit()).withCode("cn/amend-reason")).isEmpty();
    // the same nurse's change to a signed row, appended without a reason by an insider
    Record changed = org.emrkit.testing.Insider.append(sealed.withValues(sealed.values().with(
        "nursingRows", new Value.Rows(List.of(sealed.values().rows("nursingRows").get(0).with(
            "t", new Value.Num(new BigDecimal("37.5"))), sealed.values().rows("nursingRows")
            .get(1))))), new org.emrkit.record.Revision(sealed.revisions().size() + 1, nurse,
        java.time.OffsetDateTime.parse("2026-11-20T16:00:00+08:00"),
        new org.emrkit.record.TracePath.OfValue("/nursingRows/0/t"), "36.8", "37.5", null, 2,
        null, null));
    assertThat(v.validate(nursing, changed).withCode("cn/amend-reason")).extracting(
        Finding::path).containsExactly("/revisions/" + sealed.revisions().size());
  }

  @Test
  void aNurseInAnAttendingsSignatureFieldIsAFinding() {
    // as an import or a changed file could leave it: the session itself refuses such a signature
    Record r = CLEAN.withValues(CLEAN.values().with("attendingSignature", new Value.Signed(
        new org.emrkit.record.Signer(new org.emrkit.record.Actor("u-3001", "赵芳",
            org.emrkit.record.Role.NURSE), java.time.OffsetDateTime.parse(
                "2026-11-20T21:00:00+08:00")))));
    assertThat(validator().build().validate(T, r).findings())
        .filteredOn(f -> f.path().equals("/values/attendingSignature"))
        .extracting(f -> f.code() + " " + f.message().zh())
        .contains("cn/signature “上级医师审签”应由主治医师签名，签名者 赵芳 是护士");
  }

  @Test
  void calcFieldsAreComputedWhenRead() {
    Record r = sealed(CLEAN).withValues(CLEAN.values().with("height", new Value.Num(new BigDecimal("175")))
        .with("weight", new Value.Num(new BigDecimal("70"))));
    RecordContext c = new RecordContext(T, r, CLOCK, org.emrkit.terminology.TerminologyService
        .none(), org.emrkit.expr.ExpressionEngine.create());
    var bmi = T.scope().field("bmi").orElseThrow();
    assertThat(c.calc(bmi, r.values())).contains(new BigDecimal("22.9"));
  }

  @Test
  void rulesAreStatelessSoOneValidatorServesManyThreads() throws Exception {
    Validator v = validator().build();
    List<Record> records = List.of(CLEAN, without("hpi"), without("temp"));
    List<String> expected = records.stream().map(x -> ReportJson.write(v.validate(T, x))).toList();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<String>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 300; i++) {
        Record x = records.get(i % 3);
        futures.add(pool.submit(() -> ReportJson.write(v.validate(T, x))));
      }
      for (int i = 0; i < futures.size(); i++) {
        assertThat(futures.get(i).get()).isEqualTo(expected.get(i % 3));
      }
    } finally {
      pool.shutdown();
    }
  }
}

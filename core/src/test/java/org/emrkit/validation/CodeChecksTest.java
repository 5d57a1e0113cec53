package org.emrkit.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.emrkit.record.Coding;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.testing.CorpusTerminology;
import org.junit.jupiter.api.Test;

/**
 * Coded values checked against the host's list (unknown code with suggestions, a display that
 * is not the code's name, a category where a full code is needed, the record's own edition),
 * and scores that count field errors, with a hospital's own deduction table.
 */
class CodeChecksTest {

  private static final Validator WITH_LIST = ValidatorTest.validator()
      .terminology(CorpusTerminology.service()).build();

  private static Record coded(Coding coding) {
    Values v = ValidatorTest.CLEAN.values();
    Value.Rows rows = (Value.Rows) v.get("diagnoses").orElseThrow();
    Values first = rows.rows().get(0).with("diagnosis", new Value.Coded(coding));
    List<Values> all = new java.util.ArrayList<>(rows.rows());
    all.set(0, first);
    return ValidatorTest.sealed(ValidatorTest.CLEAN.withValues(v.with("diagnoses",
        new Value.Rows(all))));
  }

  private static List<Finding> findings(Record r) {
    return WITH_LIST.validate(ValidatorTest.T, r).findings();
  }

  @Test
  void aMadeUpCodeIsNotInTheListAndTheClosestCodesAreSuggested() {
    List<Finding> f = findings(coded(new Coding("I20.999", "不稳定型心绞痛", "ICD-10")));
    assertThat(f).extracting(Finding::code).containsExactly("field/code");
    assertThat(f.get(0).path()).isEqualTo("/values/diagnoses/0/diagnosis/code");
    assertThat(f.get(0).message().zh()).isEqualTo("“诊断代码”的编码“I20.999”不在 ICD-10 国家临床版 "
        + "2.0(语料 corpus) 中；相近的编码：I20.900 心绞痛、I20.000 不稳定型心绞痛、I20 心绞痛");
  }

  @Test
  void aDisplayThatIsNotTheCodesNameOrASynonymIsAFinding() {
    List<Finding> f = findings(coded(new Coding("I20.000", "急性阑尾炎", "ICD-10")));
    assertThat(f).extracting(Finding::code).containsExactly("field/code-name");
    assertThat(f.get(0).path()).isEqualTo("/values/diagnoses/0/diagnosis/display");
    assertThat(f.get(0).message().zh()).contains("I20.000 是“不稳定型心绞痛”，不是“急性阑尾炎”");
    assertThat(findings(coded(new Coding("I20.000", "不稳定性心绞痛", "ICD-10")))).isEmpty();
    assertThat(findings(coded(new Coding("I20.000", "不稳定型心绞痛 ", "ICD-10")))).isEmpty();
  }

  @Test
  void aCategoryWhereTheListRequiresFullCodesIsAFindingNamingTheCodesBelow() {
    List<Finding> f = findings(coded(new Coding("I20", "心绞痛", "ICD-10")));
    assertThat(f).extracting(Finding::code).containsExactly("field/code-category");
    assertThat(f.get(0).message().zh()).contains("I20 是类目").contains("I20.000 不稳定型心绞痛");
  }

  @Test
  void withoutAListACategoryStillFailsTheWritingStandardsDiagnosisCodeRule() {
    ValidationReport r = ValidatorTest.validator().build().validate(ValidatorTest.T,
        coded(new Coding("I20", "心绞痛", "ICD-10")));
    assertThat(r.findings()).extracting(Finding::code).containsExactly("cn/diagnosis-code");
    assertThat(r.findings().get(0).message().zh()).contains("是类目");
  }

  @Test
  void theEditionTheValueNamesIsTheOneItIsCheckedAgainstWhenTheHostHasIt() {
    // icd10-clinical|2.0 has I20.000; an edition the host lacks falls back to the binding
    assertThat(findings(coded(new Coding("I20.000", "不稳定型心绞痛", "icd10-clinical", "2.0"))))
        .isEmpty();
    assertThat(findings(coded(new Coding("I20.000", "不稳定型心绞痛", "icd10-clinical", "1.1"))))
        .isEmpty();
    assertThat(findings(coded(new Coding("X00.000", "不稳定型心绞痛", "icd10-clinical", "1.1"))))
        .extracting(Finding::code).containsExactly("field/code");
  }

  @Test
  void aRecordWithAFieldErrorIsNeverACleanHundred() {
    Values v = ValidatorTest.CLEAN.values();
    assertThat(v.get("temp")).isPresent();
    Record hot = ValidatorTest.sealed(ValidatorTest.CLEAN.withValues(
        v.with("temp", new Value.Num(new BigDecimal("45.2")))));
    ValidationReport r = ValidatorTest.validator().build().validate(ValidatorTest.T, hot);
    assertThat(r.findings()).extracting(Finding::code).containsExactly("field/range");
    assertThat(r.score()).isEqualByComparingTo("99");
    ValidationReport clean = ValidatorTest.validator().build().validate(ValidatorTest.T,
        ValidatorTest.CLEAN);
    assertThat(clean.score()).isEqualByComparingTo("100");
  }

  @Test
  void aHospitalsDeductionTableChangesThePointsAndBadLinesAreNamed() {
    Map<String, BigDecimal> table = DeductionTable.read(new StringReader(
        "code,points\n# 本院评分表\nfield/range,5\nfield/required,0.5  # 缺项\n"), "scoring.csv");
    assertThat(table).containsEntry("field/range", new BigDecimal("5"));
    Record hot = ValidatorTest.sealed(ValidatorTest.CLEAN.withValues(ValidatorTest.CLEAN.values()
        .with("temp", new Value.Num(new BigDecimal("45.2")))));
    Validator v = ValidatorTest.validator()
        .options(ValidatorOptions.DEFAULT.withDeductions(table)).build();
    assertThat(v.validate(ValidatorTest.T, hot).score()).isEqualByComparingTo("95");
    assertThatThrownBy(() -> DeductionTable.read(new StringReader("field/range;5\n"), "s.csv"))
        .hasMessageStartingWith("s.csv:1: expected code,points");
    assertThatThrownBy(() -> DeductionTable.read(new StringReader("field/range,-1\n"), "s.csv"))
        .hasMessageContaining("s.csv:1: points must be 0 to 100");
    assertThatThrownBy(() -> DeductionTable.read(new StringReader(
        "field/range,1\nfield/range,2\n"), "s.csv")).hasMessageContaining("s.csv:2:");
    assertThatThrownBy(() -> ValidatorTest.validator().options(ValidatorOptions.DEFAULT
        .withDeductions(Map.of("field/rnage", BigDecimal.ONE))).build())
        .hasMessageContaining("field/rnage");
    assertThatThrownBy(() -> DeductionTable.read(new StringReader("field/range,1e-20000000\n"),
        "s.csv")).hasMessageContaining("at most two decimals");
    assertThat(DeductionTable.read(new StringReader("\uFEFFcode,points\nfield/range,0.25\n"),
        "bom.csv")).containsEntry("field/range", new BigDecimal("0.25"));
    assertThatThrownBy(() -> DeductionTable.read(new StringReader("#".repeat(
        DeductionTable.MAX_CHARS + 10)), "long.csv")).hasMessageContaining("long.csv: more than");
    assertThatThrownBy(() -> DeductionTable.read(new StringReader("# 注释\n".repeat(
        DeductionTable.MAX_LINES + 1)), "big.csv")).hasMessageContaining("more than");
  }
}

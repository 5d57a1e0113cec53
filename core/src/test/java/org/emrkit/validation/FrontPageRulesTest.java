package org.emrkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Map;
import org.emrkit.record.Record;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.emrkit.validation.rules.FieldRules;
import org.emrkit.validation.rules.FrontPageRules;
import org.emrkit.validation.rules.WritingStandardRules;
import org.junit.jupiter.api.Test;

/**
 * A province scores the 住院病案首页 its own way: its points replace the pack's (a deduction table,
 * as `validate --deductions` reads it) and its thresholds are rule parameters; the pack checks
 * only 首页 records.
 */
class FrontPageRulesTest {

  static final Template FRONT = Corpus.template("front-page");

  static ValidationReport validate(ValidatorOptions options, String file) {
    return Validator.builder().pack(FieldRules.pack()).pack(WritingStandardRules.pack())
        .pack(FrontPageRules.pack()).options(options).clock(ValidationCorpusTest.CLOCK).build()
        .validate(FRONT, Corpus.record(file, FRONT));
  }

  static Finding finding(ValidationReport r, String code) {
    return r.findings().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow(
        () -> new AssertionError(code + " not in " + r.toText()));
  }

  @Test
  void aProvincesPointsReplaceThePacks() {
    String file = "fp.principal-diagnosis--chest-pain-before-angina.json";
    assertThat(finding(validate(ValidatorOptions.DEFAULT, file), "fp/principal-diagnosis")
        .deduction()).isEqualByComparingTo("4");
    Map<String, BigDecimal> province = DeductionTable.read(new StringReader(
        "# 某省住院病案首页质量评分表\nfp/principal-diagnosis,6\n"), "province.csv");
    ValidationReport r = validate(ValidatorOptions.DEFAULT.withDeductions(province), file);
    assertThat(finding(r, "fp/principal-diagnosis").deduction()).isEqualByComparingTo("6");
    assertThat(finding(r, "fp/principal-diagnosis").message().zh())
        .contains("胸痛 R07.400", "不稳定型心绞痛 I20.000");
  }

  @Test
  void theFeeToleranceIsAParameter() {
    String file = "fp.fees--items-do-not-add-up.json";
    ValidationReport strict = validate(ValidatorOptions.DEFAULT, file);
    assertThat(finding(strict, "fp/fees").message().zh()).contains("相差 100.00 元");
    ValidationReport loose = validate(ValidatorOptions.DEFAULT.withOverride("fp/fees",
        RuleOverride.parameters(Map.of("tolerance", "150"))), file);
    assertThat(loose.findings()).extracting(Finding::code).doesNotContain("fp/fees");
  }

  @Test
  void onlyFrontPagesAreChecked() {
    Template admission = Corpus.template("admission-record");
    Record r = Corpus.record("clean--admission-record.json", admission);
    ValidationReport report = Validator.builder().pack(FrontPageRules.pack()).build()
        .validate(admission, r);
    assertThat(report.findings()).isEmpty();
    assertThat(validate(ValidatorOptions.DEFAULT, "clean--front-page.json").findings())
        .isEmpty();
  }
}

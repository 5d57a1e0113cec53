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

  /**
   * Fields are found by name in record order, each once, however the parameter lists them
   * (found through an index of the record's fields, no longer through every field per name).
   */
  @Test
  void fieldsNamedAreFoundInRecordOrderOnce() {
    Record clean = Corpus.record("clean--front-page.json", FRONT);
    Record r = new Record(clean.id(), clean.template(), clean.embeddedTemplate(), clean.status(),
        clean.context(), clean.values().without("payment").without("dischargeMode").without("totalFee"),
        clean.completedAt(), clean.signatures(), clean.revisions(), clean.extensions());
    // the three in the order the template has them
    java.util.List<String> order = new java.util.ArrayList<>();
    FRONT.scope().fields().keySet().forEach(k -> {
      if (java.util.Set.of("payment", "dischargeMode", "totalFee").contains(k)) {
        order.add("/values/" + k);
      }
    });
    for (String items : new String[] {"payment,dischargeMode,totalFee",
        "totalFee , dischargeMode,payment,payment"}) {
      ValidationReport report = Validator.builder().pack(FrontPageRules.pack())
          .options(ValidatorOptions.DEFAULT.withOverride("fp/required-item",
              RuleOverride.parameters(Map.of("items", items))))
          .clock(ValidationCorpusTest.CLOCK).build().validate(FRONT, r);
      assertThat(report.withCode("fp/required-item")).as(items).extracting(Finding::path)
          .containsExactly(order.get(0), order.get(1), order.get(2));
    }
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

package org.emrkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.emrkit.validation.rules.FieldRules;
import org.emrkit.validation.rules.WritingStandardRules;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md is generated from the rules' own descriptions; this test fails when the two
 * differ. Regenerate with {@code -Demrkit.rules.update=true} and review the diff.
 */
class RuleCatalogueTest {

  static final Path DOC = Path.of("..", "docs", "rules.md");

  static String catalogue() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Rule catalogue\n\n");
    sb.append("Generated from the rule classes by `RuleCatalogueTest` (run with "
        + "`-Demrkit.rules.update=true` to rewrite); the test fails if this page and the code "
        + "differ. Codes are stable API. Every number is a default a host can change with "
        + "`ValidatorOptions` (`RuleOverride`: severity, deduction, veto, parameters, or off).\n\n");
    sb.append("Score = 100 − the sum of deductions, not below 0. Grade: 甲 at 90 or more, 乙 at 75 "
        + "or more, 丙 below; any veto (单项否决) makes 丙; two or more findings of rules a host "
        + "marks 乙-level cap the grade at 乙. Thresholds are options too.\n\n");
    sb.append("Errors count: every field-rule error deducts points (defaults below), so a record "
        + "with an error is never a clean 100. The national documents set no points; most "
        + "hospitals score with their province's 住院病历质量评分表, whose usual deduction for a "
        + "missing or wrong item is 0.5–2 points per place, and the defaults follow that. A "
        + "hospital's own table (`code,points` per line, `#` comments) is read by "
        + "`DeductionTable.read` and applied with `ValidatorOptions.withDeductions`; the CLI takes "
        + "it as `validate --deductions FILE`. With a host code list (see terminology.md) codes "
        + "are checked against it: `field/code` (not in the list, the closest codes suggested), "
        + "`field/code-name`, `field/code-category`.\n\n");
    sb.append("Required items (`cn/required-item`) are found by any data element that means the "
        + "item (呼吸频率 as DE04.10.082.00 or DE04.10.081.00; 手术日期时间 as DE06.00.095.00 or "
        + "DE06.00.221.00; a finer id by its four-part root), by a section title, or by a field's "
        + "label — its `label=`, or the text before it (术前诊断：{{...}}) — the item's own name "
        + "always among them (a run-in **现病史：** needs no `de=`); a finding says what it "
        + "looked for. `cn/signature` also finds a signer who may not sign a field: of the other "
        + "profession (a nurse in an attending's field) or of a lower rank. `cn/time-limit` also "
        + "finds a 24小时内入出院(死亡)记录 for a stay of more than 24 hours, and measures an "
        + "operation record from its own 手术结束 field when the host sends no surgeryEndedAt."
        + "\n\n");
    sb.append("The corpus `core/src/test/resources/validation/records/` has at least one case per "
        + "code of the writing-standard, field and 首页 packs (the file name starts with the code) and "
        + "clean records that raise nothing; `validation/api/` holds records built through the API "
        + "(a corpus record with values set on it, some of a kind no JSON reader lets in), named "
        + "the same way; the integrity pack's cases are the tamper corpus of "
        + "`emrkit-signing` (`TamperCorpusTest`).\n\n");
    section(sb, "Writing-standard pack (`WritingStandardRules.pack()`)", WritingStandardRules.pack());
    section(sb, "Field constraints pack (`FieldRules.pack()`)", FieldRules.pack());
    sb.append("## 住院病案首页 pack (`FrontPageRules.pack()`)\n\n")
        .append("For records whose template's documentType is `front-page` (the bundled "
            + "`front-page.emr.md`, printed front and back on one sheet): 住院病案首页数据填写质量规范"
            + "(暂行) and 住院病案首页数据质量管理与控制指标 (2016). The rules read fields by the "
            + "names their parameters give (the bundled template's names by default: a hospital "
            + "with its own 首页 template sets its names there); code ranges are parameters too. "
            + "A province's 首页 scoring table sets the points: `validate --deductions FILE` "
            + "(`fp/principal-diagnosis,4` per line) or `ValidatorOptions.withDeductions`; its "
            + "thresholds (the fee tolerance, the items required) are rule parameters "
            + "(`RuleOverride`).\n\n");
    subsection(sb, org.emrkit.validation.rules.FrontPageRules.pack());
    section(sb, "Integrity pack (`IntegrityRules.pack(IntegrityPolicy)`, see integrity.md)",
        org.emrkit.validation.rules.IntegrityRules.pack(new org.emrkit.validation.rules
            .IntegrityPolicy(null, null, false, false)));
    sb.append("## Engine\n\n### `engine/rule-failed`\n\nA rule threw an exception (a host rule, "
        + "usually). The validator reports it as an error finding with the rule's code and the "
        + "exception, deducts nothing, and goes on with the other rules; it never throws for a "
        + "bad record.\n\n");
    sb.append("## Coverage\n\nRequired items are defined for: admission-record, readmission-record, "
        + "first-progress-note, discharge-record, operation-record, admission-discharge-24h, "
        + "admission-death-24h, death-record, rescue-record, consultation-record, "
        + "preoperative-summary. Not covered yet (no required-item check): progress-note, "
        + "attending-round, handover-note, transfer-note, stage-summary, "
        + "postoperative-first-note, death-discussion, nursing-record. Time limits cover every "
        + "type of the table except progress-note (see `cn/progress-note-gap`), attending-round "
        + "(see `cn/first-attending-round`); stage-summary is checked over a chart (one in every 30 days of "
        + "a stay, parameter `stageSummaryDays`).\n");
    return sb.toString();
  }

  private static void subsection(StringBuilder sb, List<Rule> rules) {
    StringBuilder table = new StringBuilder();
    section(table, "", rules);
    sb.append(table.substring(table.indexOf("\n\n") + 2));
  }

  private static void section(StringBuilder sb, String title, List<Rule> rules) {
    sb.append("## ").append(title).append("\n\n");
    sb.append("| code | title | severity | deduction | veto |\n|---|---|---|---|---|\n");
    for (Rule r : rules) {
      RuleInfo i = r.info();
      sb.append("| `").append(i.code()).append("` | ").append(i.title().zh()).append(" / ")
          .append(i.title().en()).append(" | ").append(i.severity().label()).append(" | ")
          .append(i.deduction().toPlainString()).append(" | ").append(i.veto() ? "yes" : "")
          .append(" |\n");
    }
    sb.append('\n');
    for (Rule r : rules) {
      RuleInfo i = r.info();
      sb.append("### `").append(i.code()).append("`\n\n");
      sb.append(i.title().zh()).append(" (").append(i.title().en()).append(").\n\n");
      sb.append("- Source: ").append(i.source()).append('\n');
      sb.append("- Kind: ").append(kind(r)).append('\n');
      sb.append("- Default: ").append(i.severity().label()).append(", ")
          .append(i.deduction().toPlainString()).append(" point(s)")
          .append(i.veto() ? ", veto" : "").append('\n');
      if (!i.parameters().isEmpty()) {
        sb.append("- Parameters: ");
        int n = 0;
        for (Map.Entry<String, String> p : i.parameters().entrySet()) {
          sb.append(n++ == 0 ? "" : ", ").append('`').append(p.getKey()).append('=')
              .append(p.getValue()).append('`');
        }
        sb.append('\n');
      }
      sb.append("- Example: ").append(i.example().zh()).append(" / ").append(i.example().en())
          .append("\n\n");
    }
  }

  private static String kind(Rule r) {
    StringBuilder k = new StringBuilder();
    if (r instanceof RecordRule) {
      k.append("record");
    }
    if (r instanceof ChartRule) {
      k.append(k.length() > 0 ? " and " : "").append("chart (all records of an encounter)");
    }
    if (r instanceof TemplateRule) {
      k.append("template (`Validator.checkTemplate`)");
    }
    return k.toString();
  }

  @Test
  void docsRulesMdMatchesTheRules() throws IOException {
    String expected = catalogue();
    if (Boolean.getBoolean("emrkit.rules.update")) {
      Files.writeString(DOC, expected);
    }
    assertThat(Files.readString(DOC)).isEqualTo(expected);
  }
}

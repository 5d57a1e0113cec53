package org.emrkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.emrkit.record.Coding;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.emrkit.validation.rules.WritingStandardRules;
import org.junit.jupiter.api.Test;

/**
 * Required items are found as real templates write them: by another data element that means the
 * item (手术日期时间 DE06.00.221.00), or by the text before a field without a label
 * (术前诊断：{{...}}); a missing item's finding says what it looked for.
 */
class RequiredItemSynonymsTest {

  private static List<Finding> requiredItems(Template t, Record r) {
    return Validator.builder().pack(WritingStandardRules.pack()).build().validate(t, r)
        .findings().stream().filter(f -> f.code().equals("cn/required-item")).toList();
  }

  @Test
  void anOperationRecordAsRealTemplatesWriteItHasItsItems() {
    Field name = Field.builder("opName", FieldType.TEXT).dataElement("DE06.00.094.00").build();
    Field at = Field.builder("opAt", FieldType.DATETIME).dataElement("DE06.00.221.00").build();
    Field pre = Field.builder("pre", FieldType.CODED).system("ICD-10").build();
    Field intra = Field.builder("intra", FieldType.CODED).system("ICD-10").build();
    Field anaesthesia = Field.builder("an", FieldType.TEXT).dataElement("DE06.00.073.00").build();
    Field course = Field.builder("course", FieldType.TEXT).build();
    Field surgeon = Field.builder("surgeon", FieldType.TEXT).build();
    Field assistant = Field.builder("assistant", FieldType.TEXT).build();
    Template t = Template.builder("op", "1.0.0", "手术记录").documentType("operation-record")
        .section("手术", b -> b.line("手术名称：", name).line("　手术日期：", at)
            .line("术前诊断：", pre).line("术中诊断：", intra).line("麻醉方式：", anaesthesia)
            .line("手术经过及处理：", course).line("手术者：", surgeon, "　一助：", assistant))
        .build();
    Record r = Record.draft("R-1", t, Corpus.record("clean--admission-record.json",
        Corpus.template("admission-record")).context());
    Record empty = r;
    r = r.withValues(r.values().with("opName", new Value.Str("经皮冠状动脉介入治疗"))
        .with("opAt", new Value.DateTime(java.time.OffsetDateTime.parse(
            "2026-11-21T10:00:00+08:00")))
        .with("pre", new Value.Coded(new Coding("I20.000", "不稳定型心绞痛", "ICD-10")))
        .with("intra", new Value.Coded(new Coding("I20.000", "不稳定型心绞痛", "ICD-10")))
        .with("an", new Value.Str("局部麻醉")).with("course", new Value.Str("顺利。"))
        .with("surgeon", new Value.Str("王强")).with("assistant", new Value.Str("李明")));
    assertThat(requiredItems(t, r)).isEmpty();
    assertThat(Validator.builder().pack(WritingStandardRules.pack()).build().checkTemplate(t)
        .findings()).extracting(Finding::code).doesNotContain("cn/template-missing-item");
    List<Finding> missing = requiredItems(t, empty);
    // the clinician reads what is missing; the author where it was looked for
    assertThat(missing).extracting(f -> f.message().zh()).contains("缺少“手术日期时间”",
        "缺少“术前诊断”", "缺少“手术者”", "缺少“助手”");
    assertThat(missing).extracting(f -> f.message().en()).anySatisfy(m -> assertThat(m).endsWith(
        "(looked for DE06.00.095.00、DE06.00.221.00、手术日期、手术日期时间、手术时间)"))
        .anySatisfy(m -> assertThat(m).endsWith("(looked for 术前诊断)"))
        .anySatisfy(m -> assertThat(m).endsWith("(looked for 手术者、术者、主刀、主刀医师)"))
        .anySatisfy(m -> assertThat(m).endsWith("(looked for 助手、一助、第一助手、Ⅰ助)"));
  }

  @Test
  void anOperationRecordsTimeLimitFallsBackToItsOwnEndOfSurgeryField() {
    Template t = Corpus.template("operation-record");
    Record late = Corpus.record("cn.time-limit--operation-record-26h.json", t);
    org.emrkit.record.Context c = late.context();
    org.emrkit.record.Encounter e = c.encounter();
    // the host sent no end of surgery: the record's 手术结束 field says 10:30, done 26 h later
    Record noEvent = new Record(late.id(), late.template(), late.embeddedTemplate(),
        late.status(), new org.emrkit.record.Context(c.patient(), new org.emrkit.record.Encounter(
            e.id(), e.department(), e.ward(), e.bed(), e.admittedAt(), e.condition(),
            java.util.Map.of()), c.org(), c.author()), late.values(), late.completedAt(),
        late.signatures(), late.revisions(), late.extensions());
    List<Finding> f = Validator.builder().pack(WritingStandardRules.pack()).build()
        .validate(t, noEvent).findings();
    assertThat(f).extracting(Finding::code).contains("cn/time-limit");
  }

  @Test
  void aTwentyFourHourRecordForALongerStayIsAFinding() {
    Template t = Corpus.template("admission-discharge-24h");
    Record r = Corpus.record("cn.time-limit--admission-discharge-24h.json", t);
    // admitted 11-20 09:30, discharged 11-21 10:00: 24.5 hours
    List<String> messages = Validator.builder().pack(WritingStandardRules.pack()).build()
        .validate(t, r).findings().stream().filter(f -> f.path().equals("/context/encounter"))
        .map(f -> f.code() + " " + f.message().zh()).toList();
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0)).startsWith("cn/time-limit 住院").contains("超过24小时",
        "不能书写24小时内入出院记录：应书写入院记录和出院记录");
    org.emrkit.record.Context c = r.context();
    org.emrkit.record.Encounter e = c.encounter();
    Record shorter = new Record(r.id(), r.template(), r.embeddedTemplate(), r.status(),
        new org.emrkit.record.Context(c.patient(), new org.emrkit.record.Encounter(e.id(),
            e.department(), e.ward(), e.bed(), e.admittedAt(), e.condition(), java.util.Map.of(
                "dischargedAt", java.time.OffsetDateTime.parse("2026-11-21T08:00:00+08:00"))),
            c.org(), c.author()), r.values(), r.completedAt(), r.signatures(), r.revisions(),
        r.extensions());
    assertThat(Validator.builder().pack(WritingStandardRules.pack()).build().validate(t, shorter)
        .findings()).noneMatch(f -> f.path().equals("/context/encounter"));
  }
}

package org.emrkit.testing;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.emrkit.record.Actor;
import org.emrkit.record.Coding;
import org.emrkit.record.Context;
import org.emrkit.record.Encounter;
import org.emrkit.record.Organization;
import org.emrkit.record.Patient;
import org.emrkit.record.Record;
import org.emrkit.record.Role;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.template.PageNumber;
import org.emrkit.template.Paragraph;
import org.emrkit.template.Table;
import org.emrkit.template.Template;
import org.emrkit.template.Text;
import org.emrkit.template.TextStyle;
import org.emrkit.template.ValueSet;

/** A small 入院记录 built with the Java builder, and a filled record of it. */
public final class Samples {

  private Samples() {}

  /** The 神经系统检查 table nested in the vitals table. */
  public static Table neuroExam() {
    return Table.builder(2, 2).id("neuro-exam").widths(1, 3)
        .cell(0, 0, "肌力").cell(0, 1, Field.builder("power", FieldType.CHOICE)
            .options("0级", "1级", "2级", "3级", "4级", "5级"))
        .cell(1, 0, "病理征").cell(1, 1, Field.builder("babinski", FieldType.BOOLEAN)
            .label("巴氏征阳性"))
        .build();
  }

  /**
   * The vitals table of the spec's example: 体温/脉搏 on the first row, 血压 spanning three
   * columns, 专科情况 spanning two rows, the nested neuro table in the last row.
   */
  public static Table vitals() {
    return Table.builder(4, 4).id("vitals").widths(15, 35, 15, 35)
        .cell(0, 0, "体温").cell(0, 1, Field.builder("temp", FieldType.DECIMAL).unit("℃")
            .min(34).max(43).precision(1).dataElement("DE04.10.186.00"))
        .cell(0, 2, "脉搏").cell(0, 3, Field.builder("pulse", FieldType.INTEGER).unit("次/分")
            .dataElement("DE04.10.118.00"))
        .cell(1, 0, "血压")
        .cell(1, 1, Field.builder("sbp", FieldType.INTEGER).unit("mmHg")
            .dataElement("DE04.10.174.00"), " / ", Field.builder("dbp", FieldType.INTEGER)
            .unit("mmHg").dataElement("DE04.10.176.00"))
        .merge(1, 1, 1, 3)
        .cell(2, 0, "专科情况").merge(2, 0, 3, 0)
        .cell(2, 1, Field.builder("special", FieldType.RICHTEXT)).merge(2, 1, 2, 3)
        .cellBlocks(3, 1, Paragraph.of(Text.of("见附表：")), neuroExam()).merge(3, 1, 3, 3)
        .build();
  }

  /** 入院记录 through the builder. */
  public static Template admission() {
    return Template.builder("admission-record", "1.0.0", "入院记录")
        .heading("入院记录").documentType("admission-record").department("心血管内科")
        .valueSet(ValueSet.of("sex", "GB/T2261.1", "1", "男", "2", "女", "9", "未说明的性别",
            "0", "未知的性别"))
        .pageHeader(h -> h.line(Field.builder("hospital", FieldType.MACRO).source("org.name"),
            " 住院号：", Field.builder("mrn", FieldType.MACRO).source("patient.mrn")))
        .pageFooter(f -> f.paragraph(Text.of("第 "), PageNumber.page(), Text.of(" 页 / 共 "),
            PageNumber.pages(), Text.of(" 页")))
        .line("姓名：", Field.builder("name", FieldType.MACRO).source("patient.name"),
            "　性别：", Field.builder("sex", FieldType.CHOICE).valueSet("sex"))
        .section("主诉", s -> s.id("chief-complaint").required().dataElement("DE04.01.119.00")
            .code("LOINC:10154-3")
            .line(Field.builder("chiefComplaint", FieldType.TEXT).required().maxLength(20)
                .dataElement("DE04.01.119.00")))
        .section("现病史", s -> s.id("hpi").required().dataElement("DE02.10.071.00")
            .line(Field.builder("hpi", FieldType.RICHTEXT).required().minLength(10)))
        .section("过敏史", s -> s.id("allergy")
            .line(Field.builder("allergies", FieldType.MULTICHOICE).options("青霉素", "头孢", "磺胺", "无")))
        .section("月经史", s -> s.id("menstrual").when("sex == '2'")
            .line(Field.builder("menstrual", FieldType.TEXT).dataElement("DE02.10.102.00")))
        .section("体格检查", s -> s.id("exam")
            .table(vitals())
            .line("身高 ", Field.builder("height", FieldType.DECIMAL).unit("cm"), " 体重 ",
                Field.builder("weight", FieldType.DECIMAL).unit("kg"), " BMI ",
                Field.builder("bmi", FieldType.CALC).expr("weight / pow(height / 100, 2)")
                    .precision(1).unit("kg/m²"))
            .line("SpO", Text.of("2", TextStyle.SUBSCRIPT), " ",
                Field.builder("spo2", FieldType.INTEGER).unit("%")))
        .section("初步诊断", s -> s.id("diagnosis").required()
            .line(Field.builder("diagnosis", FieldType.CODED).system("ICD-10")
                .dataElement("DE05.01.024.00"))
            .conditional("sex == '2'", c -> c.line("妊娠：",
                Field.builder("pregnant", FieldType.BOOLEAN)))
            .repeat("progressNotes", g -> g.label("日常病程记录").min(0)
                .line(Field.builder("at", FieldType.DATETIME).required())
                .line(Field.builder("content", FieldType.RICHTEXT).required())
                .line("医师签名：", Field.builder("signedBy", FieldType.SIGNATURE).role("resident"))))
        .build();
  }

  /** A filled record of {@link #admission()}. */
  public static Record admissionRecord() {
    Template t = admission();
    OffsetDateTime admitted = OffsetDateTime.parse("2026-11-20T09:30:00+08:00");
    Actor author = new Actor("u-1001", "李明", Role.RESIDENT);
    Context ctx = new Context(
        new Patient("张三", "1", java.time.LocalDate.parse("1958-03-02"), "ZY0012345", null, null,
            null, null),
        new Encounter("E-1", "心血管内科", "3病区", "12", admitted, null, Map.of()),
        new Organization(null, "示例市人民医院"), author);
    Values values = Values.of(Map.of(
        "sex", new Value.Str("1"),
        "chiefComplaint", new Value.Str("反复胸闷3天"),
        "hpi", new Value.Str("患者3天前无明显诱因出现胸闷，持续约10分钟。"),
        "allergies", new Value.Choices(List.of("青霉素")),
        "temp", new Value.Num(new BigDecimal("36.8")),
        "pulse", new Value.Num(new BigDecimal("78")),
        "diagnosis", new Value.Coded(new Coding("I20.000", "不稳定型心绞痛", "ICD-10")),
        "progressNotes", new Value.Rows(List.of(Values.of(Map.of(
            "at", new Value.DateTime(OffsetDateTime.parse("2026-11-20T15:00:00+08:00")),
            "content", new Value.Str("患者胸闷缓解。")))))));
    return Record.draft("ZY0012345-ADM-1", t, ctx).withValues(values)
        .withCompletedAt(OffsetDateTime.parse("2026-11-20T20:10:00+08:00"));
  }
}

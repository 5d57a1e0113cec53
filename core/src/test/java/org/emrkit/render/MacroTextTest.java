package org.emrkit.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.emrkit.record.Context;
import org.emrkit.record.Record;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.junit.jupiter.api.Test;

/**
 * A macro field prints a coded context value by its name (性别 prints 女, not 2), while
 * expressions still read the code ({@code when="sex == '2'"}).
 */
class MacroTextTest {

  @Test
  void aCodedContextValuePrintsByItsNameAndExpressionsReadTheCode() {
    Field sex = Field.builder("sex", FieldType.MACRO).source("patient.sex").build();
    Field role = Field.builder("by", FieldType.MACRO).source("author.role").build();
    Template t = Template.builder("m", "1.0.0", "宏").section("基本", b -> b.line("性别：", sex,
        " 记录者：", role)).build();
    Context c = Corpus.record("clean--admission-record.json", Corpus.template("admission-record"))
        .context();
    Context female = new Context(new org.emrkit.record.Patient(c.patient().name(), "2",
        c.patient().birthDate(), c.patient().mrn(), c.patient().idType(), c.patient().idNumber(),
        c.patient().phone(), c.patient().address()), c.encounter(), c.org(), c.author());
    Record r = Record.draft("R-1", t, female);
    Resolver resolver = Resolver.of(t, r, Clock.systemUTC());
    assertThat(resolver.text(sex, r.values())).isEqualTo("女");
    assertThat(female.lookup("patient.sex")).contains("2");
    assertThat(female.display("patient.sex")).contains("女");
    assertThat(female.author()).isNotNull();
    assertThat(resolver.text(role, r.values())).isEqualTo("住院医师");
  }

  @Test
  void expressionsReadCalculatedFieldsAndTypedContextValues() {
    Field age = Field.builder("age", FieldType.MACRO).source("patient.age").build();
    Field admitted = Field.builder("admittedAt", FieldType.MACRO).source("encounter.admittedAt")
        .build();
    Field h = Field.builder("h", FieldType.DECIMAL).build();
    Field w = Field.builder("w", FieldType.DECIMAL).build();
    Field bmi = Field.builder("bmi", FieldType.CALC).expr("w / pow(h / 100, 2)").precision(1)
        .build();
    Field obese = Field.builder("obese", FieldType.CALC).expr("bmi >= 28").build();
    Field loop = Field.builder("loop", FieldType.CALC).expr("loop + 1").build();
    Template t = Template.builder("e", "1.0.0", "表达式").section("基本", b -> b.line(age,
        admitted, h, w, bmi, obese, loop)).build();
    Context c = Corpus.record("clean--admission-record.json", Corpus.template("admission-record"))
        .context();
    Record r = Record.draft("R-1", t, c);
    r = r.withValues(r.values().with("h", new org.emrkit.record.Value.Num(new java.math.BigDecimal(
        "170"))).with("w", new org.emrkit.record.Value.Num(new java.math.BigDecimal("85"))));
    Resolver resolver = Resolver.of(t, r, Clock.systemUTC());
    // a macro's number and date-time, a calc read by another expression
    assertThat(resolver.evaluate(new org.emrkit.template.Expression("age >= 18"), r.values())
        .value()).isEqualTo(true);
    assertThat(resolver.evaluate(new org.emrkit.template.Expression("hours(admittedAt, now()) > 0"),
        r.values()).value()).isEqualTo(true);
    assertThat(resolver.evaluate(new org.emrkit.template.Expression("bmi > 29"), r.values())
        .value()).isEqualTo(true);
    assertThat(resolver.text(bmi, r.values())).isEqualTo("29.4");
    // a calc that reads itself gives nothing, not a stack overflow
    assertThat(resolver.text(loop, r.values())).isEmpty();
  }

  @Test
  void expressionsReadACodedValuesCodeAndNameAndACalcShowsText() {
    Field dx = Field.builder("dx", FieldType.CODED).system("ICD-10").build();
    Field code = Field.builder("dxCode", FieldType.CALC).expr("dx.code").build();
    Field sex = Field.builder("sex", FieldType.MACRO).source("patient.sex").build();
    Field line = Field.builder("line", FieldType.CALC)
        .expr("sex.display + '性，' + dx.display").build();
    Template t = Template.builder("c", "1.0.0", "编码").section("诊断", b -> b.line(dx, code, sex,
        line)).build();
    Context c = Corpus.record("clean--admission-record.json", Corpus.template("admission-record"))
        .context();
    Record r = Record.draft("R-1", t, c);
    r = r.withValues(r.values().with("dx", new org.emrkit.record.Value.Coded(
        new org.emrkit.record.Coding("I20.000", "不稳定型心绞痛", "ICD-10", null))));
    Resolver resolver = Resolver.of(t, r, Clock.systemUTC());
    // the 疾病编码 column of a 首页 shows the code of the diagnosis named in the column before
    assertThat(resolver.text(code, r.values())).isEqualTo("I20.000");
    // with its code in a cell of its own, the diagnosis prints its name alone
    assertThat(resolver.text(dx, r.values())).isEqualTo("不稳定型心绞痛");
    assertThat(resolver.text(line, r.values())).isEqualTo("男性，不稳定型心绞痛");
    assertThat(resolver.evaluate(new org.emrkit.template.Expression("sex.code == '1' and "
        + "dx.code == 'I20.000'"), r.values()).value()).isEqualTo(true);
    // a calc over text has no number: numeric readers see nothing
    assertThat(resolver.calc(code, r.values())).isEmpty();
    Record empty = Record.draft("R-2", t, c);
    assertThat(Resolver.of(t, empty, Clock.systemUTC()).text(code, empty.values())).isEmpty();
  }
}

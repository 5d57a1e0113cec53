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
}

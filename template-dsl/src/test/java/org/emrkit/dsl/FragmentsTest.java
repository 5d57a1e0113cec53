package org.emrkit.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.junit.jupiter.api.Test;

/** Pieces of EMR Markdown read alone read as they do in a whole template. */
class FragmentsTest {

  private final Fragments fragments = Fragments.withValueSets(Set.of("sex"));

  @Test
  void aFieldReadsAsInATemplate() {
    Field f = fragments.field("temp: decimal unit=\"℃\" min=34 max=43 precision=1 required")
        .value();
    Field compiled = TemplateCompiler.builder().build().compile("""
        ---
        id: t
        version: 1.0.0
        title: T
        ---
        {{temp: decimal unit="℃" min=34 max=43 precision=1 required}}
        """, "t.emr.md").orElseThrow().scope().fields().get("temp");
    assertThat(f).isEqualTo(compiled);
    assertThat(fragments.field("sex: choice valueset=@sex").value().type())
        .isEqualTo(FieldType.CHOICE);
  }

  @Test
  void aBadPieceGivesTheCompilersDiagnosticWithItsColumn() {
    Fragments.Result<Field> r = fragments.field("temp: decimall");
    assertThat(r.ok()).isFalse();
    assertThat(r.firstError().code()).isEqualTo("dsl/unknown-field-type");
    assertThat(r.firstError().column()).isEqualTo(9);
    assertThat(fragments.field("x: choice valueset=@nope").firstError().code())
        .isEqualTo("dsl/unknown-value-set");
    assertThat(fragments.field("a".repeat(Fragments.MAX_CHARS + 1)).firstError().code())
        .isEqualTo("dsl/too-large");
  }

  @Test
  void headingsContainersAndTableAttributes() {
    Fragments.Heading h = fragments.heading("### 主诉 {#cc required de=DE04.01.119.00 "
        + "when=\"age > 1\"}").value();
    assertThat(h).isEqualTo(new Fragments.Heading(3, "cc", "主诉", true, "DE04.01.119.00", null,
        new org.emrkit.template.Expression("age > 1"), false));
    assertThat(fragments.heading("## 手术及操作 {newPage}").value().newPage()).isTrue();
    assertThat(fragments.heading("## 现病史").value().id()).isNotBlank();
    assertThat(fragments.heading("## A {#a foo=1}").firstError().code())
        .isEqualTo("dsl/heading-attributes");
    assertThat(fragments.repeat("repeat #diagnoses min=1 max=10 label=\"诊断\"").value())
        .isEqualTo(new Fragments.Repeat("diagnoses", "诊断", 1, 10));
    assertThat(fragments.condition("if sex == '2'").value().source()).isEqualTo("sex == '2'");
    assertThat(fragments.condition("if sex = = '2'").ok()).isFalse();
    assertThat(fragments.table("{: #rows widths=\"1,2\" repeat minRows=1}").value())
        .isEqualTo(new Fragments.TableAttributes("rows", List.of(1.0, 2.0), true, 1, null,
            org.emrkit.template.TableStyle.DEFAULT));
    // a Word form's caption: the style, and the columns' alignment as a delimiter row after it
    assertThat(fragments.table("{: borderless header=bold fontSize=9} |---|:---:|---:|").value()
        .style()).isEqualTo(new org.emrkit.template.TableStyle(true, true, 9.0, List.of(
            org.emrkit.template.TableStyle.Align.LEFT, org.emrkit.template.TableStyle.Align.CENTER,
            org.emrkit.template.TableStyle.Align.RIGHT)));
    assertThat(fragments.table("{: fontSize=30}").firstError().code())
        .isEqualTo("dsl/table-attributes");
    assertThat(fragments.table("{: maxRows=2}").firstError().code())
        .isEqualTo("dsl/table-attributes");
  }
}

package org.emrkit.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.emrkit.json.TemplateJson;
import org.emrkit.testing.GridCheck;
import org.emrkit.testing.Samples;
import org.junit.jupiter.api.Test;

/**
 * The foundation's must-show: an admission-record template built through the Java builder, with
 * a vitals table that has row and column spans and a nested table, edited and round-tripped
 * through JSON.
 */
class AdmissionTemplateBuilderTest {

  private static Table vitalsOf(Template t) {
    Section exam = (Section) t.blocks().stream()
        .filter(b -> b instanceof Section s && s.id().equals("exam")).findFirst().orElseThrow();
    return (Table) exam.children().get(0);
  }

  @Test
  void buildsTheVitalsTableWithSpansAndANestedTable() {
    Template t = Samples.admission();
    Table vitals = vitalsOf(t);
    assertThat(GridCheck.problems(vitals)).isEmpty();
    assertThat(vitals.cellAt(1, 3)).isEqualTo(vitals.cellAt(1, 1));
    assertThat(vitals.cellAt(1, 1).colSpan()).isEqualTo(3);
    assertThat(vitals.cellAt(3, 0).rowSpan()).isEqualTo(2);
    assertThat(vitals.cellAt(3, 2).content()).hasSize(2).element(1).isInstanceOf(Table.class);
    assertThat(vitals.widths()).containsExactly(15.0, 35.0, 15.0, 35.0);

    FieldScope scope = t.scope();
    assertThat(scope.fields()).containsKeys("chiefComplaint", "temp", "sbp", "dbp", "power",
        "babinski", "bmi", "hospital");
    assertThat(scope.groups()).containsOnlyKeys("progressNotes");
    assertThat(scope.groups().get("progressNotes").fields()).containsOnlyKeys("at", "content",
        "signedBy");
  }

  @Test
  void editsTheTableAndRoundTripsThroughJson() {
    Template t = Samples.admission();
    Table vitals = vitalsOf(t);
    // split 血压 back into its three slots, merge 体温's value over the next column, insert a row
    Table edited = vitals.unmerge(1, 2).merge(0, 1, 0, 2).insertRow(2);
    assertThat(edited.rows()).isEqualTo(5);
    assertThat(edited.cellAt(0, 1).colSpan()).isEqualTo(2);
    assertThat(edited.cellAt(0, 1).content()).hasSize(2); // 体温 value + 脉搏 label, nothing lost
    assertThat(edited.cellAt(2, 0).rowSpan()).isEqualTo(1); // new row copies row 1's spans
    assertThat(edited.cellAt(3, 0).rowSpan()).isEqualTo(2);
    assertThat(GridCheck.problems(edited)).isEmpty();

    Template withEdits = replaceVitals(t, edited);
    TemplateJson json = TemplateJson.create();
    String text = json.write(withEdits);
    Template back = json.read(text).orElseThrow();
    assertThat(back).isEqualTo(withEdits);
    assertThat(vitalsOf(back)).isEqualTo(edited);
    assertThat(json.write(back)).isEqualTo(text);
  }

  @Test
  void duplicateNamesInOneScopeAreRefusedWithTheirLocations() {
    assertThatThrownBy(() -> Template.builder("t", "1.0.0", "T")
        .line(Field.builder("a", FieldType.TEXT))
        .section("S", s -> s.line(Field.builder("a", FieldType.INTEGER)))
        .build())
        .isInstanceOf(TemplateException.class)
        .hasMessage("/blocks/1/children/0/inlines/0: duplicate name a in the template "
            + "(first at /blocks/0/inlines/0)");
  }

  @Test
  void theSameNameInTwoRepeatGroupsIsAllowed() {
    Template t = Template.builder("t", "1.0.0", "T")
        .repeat("a", g -> g.line(Field.builder("x", FieldType.TEXT)))
        .repeat("b", g -> g.line(Field.builder("x", FieldType.TEXT)))
        .build();
    assertThat(t.scope().groups()).containsOnlyKeys("a", "b");
  }

  @Test
  void aRepeatGroupIdClashesWithAFieldOfItsScope() {
    assertThatThrownBy(() -> Template.builder("t", "1.0.0", "T")
        .line(Field.builder("a", FieldType.TEXT))
        .repeat("a", g -> g.line(Field.builder("x", FieldType.TEXT)))
        .build())
        .hasMessageContaining("duplicate name a in the template");
  }

  @Test
  void fieldAttributesMustApplyToTheType() {
    assertThatThrownBy(() -> Field.builder("x", FieldType.TEXT).unit("mmHg").build())
        .hasMessage("field x (text): attribute unit does not apply to type text");
    assertThatThrownBy(() -> Field.builder("x", FieldType.CALC).build())
        .hasMessage("field x (calc): a calc field needs expr");
    assertThatThrownBy(() -> Field.builder("x", FieldType.CHOICE).build())
        .hasMessage("field x (choice): give either options or a value set");
    assertThatThrownBy(() -> Field.builder("1x", FieldType.TEXT).build())
        .hasMessageContaining("bad field name \"1x\"");
    assertThatThrownBy(() -> Field.builder("x", FieldType.TEXT).pattern("[").build())
        .hasMessageContaining("pattern: bad regular expression");
  }

  @Test
  void unknownValueSetsAndMisplacedPageNumbersAreRefused() {
    assertThatThrownBy(() -> Template.builder("t", "1.0.0", "T")
        .line(Field.builder("s", FieldType.CHOICE).valueSet("sex")).build())
        .hasMessage("/blocks/0/inlines/0: field s refers to value set @sex, which the template "
            + "does not define");
    assertThatThrownBy(() -> Template.builder("t", "1.0.0", "T")
        .paragraph(PageNumber.page()).build())
        .hasMessageContaining("page numbers belong in the page header or footer");
    assertThat(Template.builder("t", "1.0.0", "T")
        .line(Field.builder("s", FieldType.CODED).valueSet("host:icd10-clinical-2.0")).build()
        .scope().fields()).containsKey("s");
  }

  @Test
  void contentMayFollowASubsectionAndSectionsStayOutOfGroups() {
    Section a = (Section) Template.builder("t", "1.0.0", "T")
        .section("A", s -> s.section("B", b -> b.line("x")).line("y")).build().blocks().get(0);
    assertThat(a.children()).hasSize(2);
    assertThat(a.children().get(0)).isInstanceOf(Section.class);
    assertThat(a.children().get(1)).isInstanceOf(Paragraph.class);
    assertThatThrownBy(() -> new RepeatGroup("g", null, 0, null,
        List.of(Section.builder("S").line("x").build())))
        .hasMessageContaining("must not contain section \"S\"");
  }

  @Test
  void aRunInSectionIsOneParagraphUnderATitleWithoutColon() {
    Paragraph p = Paragraph.of(Text.of("反复胸闷3天"));
    assertThat(new Section("cc", "主诉", true, null, null, null, List.of(p), true).runIn())
        .isTrue();
    assertThatThrownBy(() -> new Section("cc", "主诉", true, null, null, null, List.of(p, p), true))
        .hasMessageContaining("exactly one paragraph");
    assertThatThrownBy(() -> new Section("cc", "主诉：", true, null, null, null, List.of(p), true))
        .hasMessageContaining("no colon");
  }

  @Test
  void derivedSectionIdsAreStable() {
    assertThat(SectionBuilder.deriveId("Physical Exam")).isEqualTo("physical-exam");
    assertThat(SectionBuilder.deriveId("主诉")).isEqualTo("u4e3b-8bc9");
  }

  private static Template replaceVitals(Template t, Table edited) {
    List<Block> blocks = new java.util.ArrayList<>(t.blocks());
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i) instanceof Section s && s.id().equals("exam")) {
        List<Block> children = new java.util.ArrayList<>(s.children());
        children.set(0, edited);
        blocks.set(i, new Section(s.id(), s.title(), s.required(), s.dataElement(), s.code(),
            s.when(), children));
      }
    }
    return new Template(t.id(), t.version(), t.title(), t.heading(), t.documentType(),
        t.department(), t.locale(), t.page(), t.metadata(), t.valueSets(), t.pageHeader(),
        t.pageFooter(), blocks);
  }
}

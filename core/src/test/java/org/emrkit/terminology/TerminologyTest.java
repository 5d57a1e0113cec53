package org.emrkit.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.emrkit.template.ValueSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Code formats and the in-memory terminology service. */
class TerminologyTest {

  @ParameterizedTest
  @ValueSource(strings = {"J18.9", "J18.900", "I10.x00", "I10.x00x032", "I20.000", "U07.1", "A01",
      "E11.900x001", "M32.1+", "N08.5*"})
  void icd10ClinicalFormsAreAccepted(String code) {
    assertThat(CodeFormats.isIcd10(code)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "J18.", "120.0", "I2O.000", "j18.9", "J18.9000", "J1", "51.23"})
  void otherFormsAreNotIcd10(String code) {
    assertThat(CodeFormats.isIcd10(code)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"51.23", "51.2300x001", "36.06", "88.5", "00"})
  void icd9Cm3FormsAreAccepted(String code) {
    assertThat(CodeFormats.isIcd9Cm3(code)).isTrue();
    assertThat(CodeFormats.fits("ICD-9-CM-3", code)).isTrue();
  }

  @Test
  void valueSetsAndSystemsCanBeLookedUp() {
    CodeTable icd = CodeTable.builder("icd10-clinical", "2.0").fullCodes(true)
        .add("I20", "心绞痛").add("I20.000", "不稳定型心绞痛", "不稳定性心绞痛")
        .add("I21.000", "急性前壁心肌梗死").add("J18.900", "肺炎").build(Readings.none());
    InMemoryTerminology t = InMemoryTerminology.builder()
        .add(ValueSet.of("sex", "GB/T2261.1", "1", "男", "2", "女"))
        .system(icd).valueSet("icd10-clinical-2.0", icd)
        .alias("ICD-10", new CodeSystemRef("icd10-clinical", "2.0")).build();
    assertThat(t.knows("icd10-clinical-2.0")).isTrue();
    assertThat(t.lookup("sex", "2")).map(CodeEntry::name).contains("女");
    assertThat(t.validate("icd10-clinical-2.0", "I99.999")).isFalse();
    assertThat(t.system(CodeSystemRef.parse("icd10-clinical|2.0"))).containsSame(icd);
    assertThat(t.system(CodeSystemRef.parse("icd10-clinical"))).containsSame(icd);
    assertThat(t.system(CodeSystemRef.parse("ICD-10"))).containsSame(icd);
    assertThat(t.system(CodeSystemRef.parse("icd10-clinical|1.1"))).isEmpty();
    assertThat(icd.find("I20")).hasValueSatisfying(e -> assertThat(e.category()).isTrue());
    assertThat(icd.find("I20.000")).hasValueSatisfying(e -> {
      assertThat(e.category()).isFalse();
      assertThat(e.names("不稳定性心绞痛")).isTrue();
      assertThat(e.names("急性阑尾炎")).isFalse();
    });
    assertThat(icd.closest("I20.999", 2)).extracting(CodeEntry::code)
        .containsExactly("I20.000", "I20");
    assertThatThrownBy(() -> CodeTable.builder("x", null).add("A", "a").add("A", "b"))
        .hasMessageContaining("code A is listed twice");
    assertThatThrownBy(() -> CodeSystemRef.parse("a b|2"))
        .hasMessageContaining("bad code system");
  }

  @Test
  void extensionCodesDoNotMakeTheirBaseACategory() {
    CodeTable t = CodeTable.builder("icd10-clinical", "2.0").add("I10", "特发性高血压")
        .add("I10.x00", "高血压").add("I10.x00x002", "高血压1级").add("I20.0", "不稳定型心绞痛")
        .add("I20.000", "不稳定型心绞痛").build(Readings.none());
    assertThat(t.entries()).filteredOn(CodeEntry::category).extracting(CodeEntry::code)
        .containsExactly("I10", "I20.0");
  }

  @Test
  void dataElementNamesComeFromTheReferenceTable() {
    assertThat(DataElements.names("DE04.10.186.00")).hasValueSatisfying(n -> {
      assertThat(n.zh()).isEqualTo("体温");
      assertThat(n.en()).isEqualTo("body temperature");
    });
    assertThat(DataElements.names("DE99.99.999.99")).isEmpty();
  }
}

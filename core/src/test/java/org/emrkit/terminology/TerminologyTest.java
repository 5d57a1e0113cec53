package org.emrkit.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.emrkit.template.Concept;
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
  void valueSetsAndCsvTablesCanBeLookedUpAndSearched() {
    InMemoryTerminology t = InMemoryTerminology.builder()
        .add(ValueSet.of("sex", "GB/T2261.1", "1", "男", "2", "女"))
        .addCsv("icd10-clinical-2.0", new StringReader("code,display\nI20.000,不稳定型心绞痛\n"
            + "I21.000,急性前壁心肌梗死\nJ18.900,肺炎\n"))
        .build();
    assertThat(t.knows("icd10-clinical-2.0")).isTrue();
    assertThat(t.lookup("sex", "2")).contains(new Concept("2", "女"));
    assertThat(t.validate("icd10-clinical-2.0", "I99.999")).isFalse();
    assertThat(t.search("icd10-clinical-2.0", "I2", 10)).extracting(Concept::code)
        .containsExactly("I20.000", "I21.000");
    assertThat(t.search("icd10-clinical-2.0", "肺", 10)).extracting(Concept::code)
        .containsExactly("J18.900");
    assertThatThrownBy(() -> InMemoryTerminology.builder().addCsv("x",
        new StringReader("code,display\nno comma here\n")))
        .hasMessageContaining("line 2 of value set x");
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

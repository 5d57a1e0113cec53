package org.emrkit.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.emrkit.template.ValueSet;
import org.emrkit.testing.Seeds;
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

  /** The same answer as the regular expression the forms are written as. */
  @Test
  void icd10FormsAreReadAsTheirPatternReadsThem() {
    java.util.regex.Pattern form = java.util.regex.Pattern.compile(CodeFormats.ICD10_FORM);
    String[] parts = {"A", "I", "Z", "j", "0", "1", "9", ".", "x", "X", "+", "*", "-", "00",
        "x0", "x00", "x000", "0x", ".x"};
    Seeds.check("ICD-10 form as its pattern", 40, random -> {
      for (int k = 0; k < 5_000; k++) {
        String b = Seeds.joined(random, parts, 10);
        String s = random.nextInt(3) == 0 ? "I10." + b : b;
        assertThat(CodeFormats.isIcd10(s)).as(s).isEqualTo(form.matcher(s).matches());
        assertThat(CodeFormats.isIcd10Category(s)).as(s)
            .isEqualTo(s.length() <= 4 && form.matcher(s).matches() && s.indexOf('.') < 0);
      }
    });
  }

  /** A code system's id and version: one to 64 code points, no bar, no white space. */
  @Test
  void codeSystemPartsAreReadAsTheirPatternReadsThem() {
    java.util.regex.Pattern part = java.util.regex.Pattern.compile(CodeSystemRef.PART);
    String[] chars = {"a", "Z", "1", "-", ".", "|", " ", "\t", "\n", "\u000B", "\f", "\r",
        "\u3000", "\u00A0", "\uD842\uDFB7", "\uD842", "\uDFB7", "国"};
    Seeds.check("code system part as its pattern", 40, random -> {
      for (int k = 0; k < 2_000; k++) {
        StringBuilder b = new StringBuilder();
        // short ones of any characters; long ones near 64 code points, some of two chars each
        boolean longOne = random.nextInt(3) == 0;
        int n = longOne ? 60 + random.nextInt(8) : random.nextInt(6);
        for (int i = 0; i < n; i++) {
          b.append(longOne && random.nextInt(100) > 0
              ? (random.nextBoolean() ? "a" : "\uD842\uDFB7")
              : chars[random.nextInt(chars.length)]);
        }
        String s = b.toString();
        boolean valid = part.matcher(s).matches();
        assertThat(refused(() -> new CodeSystemRef(s, null))).as(s).isEqualTo(!valid);
        assertThat(refused(() -> new CodeSystemRef("icd10", s))).as(s).isEqualTo(!valid);
      }
    });
  }

  private static boolean refused(Runnable r) {
    try {
      r.run();
      return false;
    } catch (IllegalArgumentException e) {
      return true;
    }
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

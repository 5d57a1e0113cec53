package org.emrkit.codelists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.emrkit.terminology.CodeSystemRef;
import org.emrkit.terminology.TerminologyService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory of lists and its terminology.json, with errors that name the member. */
class TerminologyDirectoryTest {

  @TempDir
  Path dir;

  private void manifest(String json) throws IOException {
    Files.writeString(dir.resolve("terminology.json"), json);
  }

  private void lists() throws IOException {
    Files.writeString(dir.resolve("icd.csv"), "诊断编码,诊断名称,同义词\nI20,心绞痛,\n"
        + "I20.000,不稳定型心绞痛,不稳定性心绞痛\n");
    Files.writeString(dir.resolve("ops.csv"), "编码,名称\n51.2300,腹腔镜下胆囊切除术\n");
  }

  @Test
  void listsValueSetsAndAliasesAreLoaded() throws IOException {
    lists();
    manifest("""
        {"lists": [
          {"system": "icd10-clinical|2.0", "title": "ICD-10 国家临床版 2.0", "file": "icd.csv",
           "code": "诊断编码", "name": "诊断名称", "synonyms": ["同义词"]},
          {"system": "icd9cm3-clinical|3.0", "title": "手术", "file": "ops.csv",
           "fullCodes": false}],
         "valueSets": {"icd10-clinical-2.0": "icd10-clinical|2.0"},
         "aliases": {"ICD-10": "icd10-clinical|2.0"}}
        """);
    TerminologyService t = TerminologyDirectory.load(dir).terminology();
    assertThat(t.system(CodeSystemRef.parse("ICD-10")).orElseThrow().size()).isEqualTo(2);
    assertThat(t.system(CodeSystemRef.parse("icd9cm3-clinical")).orElseThrow()
        .requiresFullCodes()).isFalse();
    assertThat(t.lookup("icd10-clinical-2.0", "I20.000")).isPresent();
    assertThat(t.valueSet("icd10-clinical-2.0").orElseThrow().search("bwd", 5)).hasSize(1);
  }

  @Test
  void mistakesInTheManifestNameTheirPointer() throws IOException {
    lists();
    String list = "{\"system\": \"icd10-clinical|2.0\", \"title\": \"t\", \"file\": \"icd.csv\","
        + " \"code\": \"诊断编码\", \"name\": \"诊断名称\"";
    manifest("{\"lists\": [" + list + ", \"colour\": 1}]}");
    assertThatThrownBy(() -> TerminologyDirectory.load(dir))
        .hasMessageContaining("/lists/0/colour: unknown member");
    manifest("{\"lists\": [" + list + "}], \"aliases\": {\"ICD-10\": \"icd10|9\"}}");
    assertThatThrownBy(() -> TerminologyDirectory.load(dir))
        .hasMessageContaining("/aliases/ICD-10: must name a listed system|version");
    manifest("{\"lists\": [{\"system\": \"x|1\", \"title\": \"t\", \"file\": \"../etc.csv\"}]}");
    assertThatThrownBy(() -> TerminologyDirectory.load(dir))
        .hasMessageContaining("/lists/0/file: must name a file inside");
    manifest("{\"lists\": [" + list + ", \"headerRows\": \"one\"}]}");
    assertThatThrownBy(() -> TerminologyDirectory.load(dir))
        .hasMessageContaining("/lists/0/headerRows: must be a whole number");
    manifest("{\"lists\": [" + list + ", \"encoding\": \"klingon\"}]}");
    assertThatThrownBy(() -> TerminologyDirectory.load(dir))
        .hasMessageContaining("/lists/0/encoding: unknown encoding");
    manifest("{\"lists\": [" + list + "}, " + list + "}]}");
    assertThatThrownBy(() -> TerminologyDirectory.load(dir))
        .hasMessageContaining("/lists/1/system: icd10-clinical|2.0 is listed twice");
    manifest("{\"lists\": [\n" + list + ",}]}");
    assertThatThrownBy(() -> TerminologyDirectory.load(dir))
        .hasMessageContaining("terminology.json:2:").hasMessageContaining("not JSON");
    manifest("{\"lists\": []}");
    assertThatThrownBy(() -> TerminologyDirectory.load(dir))
        .hasMessageContaining("/lists: must list 1 to 200 code lists");
    Files.writeString(dir.resolve("terminology.json"), " ".repeat(
        TerminologyDirectory.MAX_MANIFEST_BYTES + 1));
    assertThatThrownBy(() -> TerminologyDirectory.load(dir)).hasMessageContaining("larger than");
    Files.delete(dir.resolve("terminology.json"));
    assertThatThrownBy(() -> TerminologyDirectory.load(dir))
        .hasMessageContaining("has no terminology.json");
  }

  @Test
  void linksOutOfTheDirectoryDeepJsonAndWrappingNumbersAreRefused() throws IOException {
    lists();
    Path outside = Files.createTempDirectory("emrkit-outside");
    Files.writeString(outside.resolve("secret.csv"), "编码,名称\nX,秘密\n");
    Files.createSymbolicLink(dir.resolve("link.csv"), outside.resolve("secret.csv"));
    manifest("{\"lists\": [{\"system\": \"x|1\", \"title\": \"t\", \"file\": \"link.csv\"}]}");
    assertThatThrownBy(() -> TerminologyDirectory.load(dir))
        .hasMessageContaining("/lists/0/file: must name a file inside").hasMessageContaining(
            "links to").hasMessageNotContaining("秘密");
    manifest("{\"a\":".repeat(20) + "1" + "}".repeat(20));
    assertThatThrownBy(() -> TerminologyDirectory.load(dir)).isInstanceOf(
        IllegalArgumentException.class).hasMessageContaining("not JSON, or beyond its bounds");
    manifest("{\"lists\": [{\"system\": \"x|1\", \"title\": \"t\", \"file\": \"icd.csv\", "
        + "\"headerRows\": 4294967297}]}");
    assertThatThrownBy(() -> TerminologyDirectory.load(dir))
        .hasMessageContaining("/lists/0/headerRows: must be a whole number 0 to 20");
    manifest("{\"lists\": [{\"system\": \"x|1\", \"title\": \"t\", \"file\": \"a\\u0000b.csv\"}]}");
    assertThatThrownBy(() -> TerminologyDirectory.load(dir))
        .hasMessageContaining("/lists/0/file: not a file name");
  }
}

package org.emrkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.emrkit.edit.RecordAudit;
import org.emrkit.json.JsonText;
import org.emrkit.json.RecordJson;
import org.emrkit.json.TemplateJson;
import org.emrkit.json.TemplateResolver;
import org.emrkit.record.Record;
import org.emrkit.record.Revision;
import org.emrkit.record.TracePath;
import org.emrkit.record.Value;
import org.emrkit.template.Template;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The validation corpus holds records as edit sessions make them. {@link CorpusSealer} made them
 * from records written with typed-in signatures; these tests check that every clean record is
 * exactly what sealing its typed form gives, and (run with {@code -Demrkit.seal=true}) reseal the
 * corpus files in place after a change of the chain's encoding.
 */
class CorpusSealerTest {

  static final Path DIR = Path.of("src/test/resources/validation/records");
  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  static TemplateResolver templates() throws IOException {
    List<Template> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR.resolveSibling("templates"))) {
      for (Path f : files.sorted().toList()) {
        out.add(TemplateJson.create().read(Files.readString(f)).orElseThrow());
      }
    }
    return TemplateResolver.of(out.toArray(Template[]::new));
  }

  static Template template(TemplateResolver r, Record rec) {
    return r.resolve(rec.template().id(), rec.template().version()).orElseThrow();
  }

  @Test
  void everyCleanRecordIsWhatSealingItsTypedFormGives() throws IOException {
    TemplateResolver templates = templates();
    int sealed = 0;
    for (String name : Corpus.files("records")) {
      if (!name.startsWith("clean--") || name.contains(".chart.")) {
        continue;
      }
      String text = Files.readString(DIR.resolve(name));
      Record stored = RecordJson.create().read(text, templates).orElseThrow();
      boolean amended = stored.revisions().stream()
          .anyMatch(v -> v.path() instanceof TracePath.OfValue);
      Template t = template(templates, stored);
      assertThat(RecordAudit.audit(t, stored).findings()).as(name).isEmpty();
      if (amended || stored.signatures().isEmpty()) {
        continue;
      }
      Record again = CorpusSealer.seal(t, CorpusSealer.unseal(stored));
      assertThat(RecordJson.create().write(again)).as(name).isEqualTo(text);
      sealed++;
    }
    assertThat(sealed).isGreaterThanOrEqualTo(6);
  }

  @Test
  void aTypedSignatureBecomesOneMadeByThatPersonAtThatTime() {
    Template t = Corpus.template("admission-record");
    Record stored = Corpus.record("clean--admission-record.json", t);
    Record typed = CorpusSealer.unseal(stored);
    assertThat(typed.signatures()).isEmpty();
    Record sealed = CorpusSealer.seal(t, typed);
    assertThat(sealed.values()).isEqualTo(typed.values());
    assertThat(sealed.signatures()).hasSize(1);
    Value.Signed shown = (Value.Signed) typed.values().get("residentSignature").orElseThrow();
    assertThat(sealed.signatures().get(0).asSigner()).isEqualTo(shown.signer());
    assertThat(sealed.signatures().get(0).field()).isEqualTo("/residentSignature");
    assertThat(sealed.revisions()).extracting(v -> v.path().wire())
        .containsExactly("/@record", "/@status");
    assertThat(RecordAudit.audit(t, sealed).intact()).isTrue();
    assertThat(RecordAudit.audit(t, typed).findings())
        .as("the typed form: a signature value no signature put there")
        .extracting(f -> f.kind()).containsExactly("signature-value");
  }

  /** Reseals every corpus record file in place (a tool: {@code -Demrkit.seal=true}). */
  @Test
  @EnabledIfSystemProperty(named = "emrkit.seal", matches = "true")
  void resealTheCorpus() throws IOException {
    TemplateResolver templates = templates();
    for (String name : Corpus.files("records")) {
      if (name.endsWith(".template.json")) {
        continue;
      }
      Path f = DIR.resolve(name);
      JsonNode tree = MAPPER.readTree(Files.readString(f));
      if (name.endsWith(".chart.json")) {
        List<Object> records = new ArrayList<>();
        for (JsonNode r : tree.get("records")) {
          records.add(plain(seal(name, MAPPER.writeValueAsString(r), templates)));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("records", records);
        Files.writeString(f, JsonText.pretty(chart));
      } else {
        Files.writeString(f, seal(name, Files.readString(f), templates));
      }
    }
  }

  private static String seal(String name, String json, TemplateResolver templates)
      throws IOException {
    Record source = RecordJson.create().read(json, templates).orElseThrow();
    Template t = template(templates, source);
    boolean chained = source.revisions().stream()
        .anyMatch(v -> v.path() instanceof TracePath.OfRecord);
    Record r = chained ? source : CorpusSealer.seal(t, source);
    return RecordJson.create().write(tamper(name, r));
  }

  /** The tampering a trace-integrity case is about, done after sealing. */
  private static Record tamper(String name, Record r) {
    if (name.startsWith("cn.trace-integrity--first-revision-removed")) {
      List<Revision> revisions = new ArrayList<>(r.revisions());
      revisions.removeIf(v -> v.path() instanceof TracePath.OfValue);
      return Insider.with(r, r.signatures(), revisions);
    }
    if (name.startsWith("cn.trace-integrity--new-value-edited-in-storage")) {
      // the value and the revision's new value both edited, the revision's hash kept
      List<Revision> revisions = new ArrayList<>();
      for (Revision v : r.revisions()) {
        revisions.add(v.path() instanceof TracePath.OfValue ? new Revision(v.seq(), v.actor(),
            v.at(), v.path(), v.oldValue(), "\"胸闷2天\"", v.reason(), v.level(),
            v.previousHash(), v.hash()) : v);
      }
      return Insider.with(r.withValues(r.values().with("chiefComplaint",
          new Value.Str("胸闷2天"))), r.signatures(), revisions);
    }
    if (name.startsWith("cn.trace-integrity--signed-content-changed")) {
      return r.withValues(r.values().with("chiefComplaint", new Value.Str("胸闷2天")));
    }
    return r;
  }

  /** A JSON text as plain maps, lists and numbers for {@link JsonText#pretty}. */
  private static Object plain(String json) throws IOException {
    return MAPPER.readValue(json, Object.class);
  }
}

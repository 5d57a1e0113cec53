package org.emrkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.emrkit.edit.ProofVerifier;
import org.emrkit.edit.RecordAudit;
import org.emrkit.json.RecordJson;
import org.emrkit.json.TemplateResolver;
import org.emrkit.record.Record;
import org.emrkit.record.Signature;
import org.emrkit.record.TracePath;
import org.emrkit.template.Template;
import org.emrkit.testing.CorpusSealer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The bundled example records are records as edit sessions make them: every signature made by its
 * signer's demo key, chained from the record's creation. {@code -Demrkit.seal=true} seals them
 * again (after the demo keys or the chain's encoding change).
 */
class BundledRecordsTest {

  static final Path DIR = Path.of("src/main/resources/records");

  @Test
  void everyBundledRecordIsIntactAndSignedWithItsSignersDemoKey() throws Exception {
    List<Template> templates = Demo.templates();
    Map<String, Record> records = Demo.records(templates);
    ProofVerifier verifier = DemoKeys.verifier();
    int signatures = 0;
    for (Map.Entry<String, Record> e : records.entrySet()) {
      Record r = e.getValue();
      Template t = Inputs.templateOf(r, templates);
      assertThat(RecordAudit.audit(t, r).findings()).as(e.getKey()).isEmpty();
      for (Signature s : r.signatures()) {
        assertThat(s.proof()).as(e.getKey()).isNotNull();
        assertThat(verifier.verify(s.proof(), RecordAudit.entry(s).getBytes(
            StandardCharsets.UTF_8), s.signer(), s.at())).as(e.getKey() + " " + s.id()).isEmpty();
        signatures++;
      }
      // sealing its typed form again gives the same bytes (RSA signatures are deterministic)
      boolean amended = r.revisions().stream().anyMatch(v -> v.path() instanceof TracePath.OfValue);
      if (!amended && !r.signatures().isEmpty()) {
        Record again = CorpusSealer.seal(t, CorpusSealer.unseal(r), DemoKeys.signing());
        assertThat(RecordJson.create().write(again)).as(e.getKey())
            .isEqualTo(Files.readString(DIR.resolve(e.getKey() + ".json")));
      }
    }
    assertThat(signatures).isGreaterThanOrEqualTo(12);
  }

  @Test
  @EnabledIfSystemProperty(named = "emrkit.seal", matches = "true")
  void sealTheBundledRecords() throws Exception {
    List<Template> templates = Demo.templates();
    TemplateResolver resolver = TemplateResolver.of(templates.toArray(Template[]::new));
    try (var files = Files.list(DIR)) {
      for (Path f : files.filter(p -> !p.getFileName().toString().equals("index.json"))
          .toList()) {
        Record source = RecordJson.create().read(Files.readString(f), resolver).orElseThrow();
        Template t = Inputs.templateOf(source, templates);
        Record typed = source.revisions().isEmpty() ? source : CorpusSealer.unseal(source);
        Files.writeString(f, RecordJson.create().write(CorpusSealer.seal(t, typed,
            DemoKeys.signing())));
      }
    }
  }
}

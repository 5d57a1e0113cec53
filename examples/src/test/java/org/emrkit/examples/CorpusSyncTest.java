package org.emrkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.emrkit.json.TemplateJson;
import org.emrkit.template.Template;
import org.junit.jupiter.api.Test;

/** The validation corpus holds the bundled example templates as JSON: they must stay the same. */
class CorpusSyncTest {

  @Test
  void theCorpusTemplatesAreTheBundledExamples() throws Exception {
    for (Template t : Demo.templates()) {
      Path json = Path.of("../core/src/test/resources/validation/templates", t.id() + ".json");
      assertThat(json).exists();
      Template corpus = TemplateJson.create().read(Files.readString(json)).orElseThrow();
      assertThat(corpus).as(t.id()).isEqualTo(t);
    }
  }
}

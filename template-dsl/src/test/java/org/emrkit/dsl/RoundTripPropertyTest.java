package org.emrkit.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import org.emrkit.json.TemplateJson;
import org.emrkit.template.Template;
import org.emrkit.testing.RandomTemplates;
import org.emrkit.testing.Samples;
import org.emrkit.testing.Seeds;
import org.junit.jupiter.api.Test;

/** compile(decompile(t)) equals t, over the foundation's random templates. */
class RoundTripPropertyTest {

  private static final TemplateCompiler COMPILER = TemplateCompiler.builder().build();

  static void assertRoundTrip(Template t) {
    String text = TemplateDecompiler.decompile(t);
    CompileResult r = COMPILER.compile(text, "roundtrip.emr.md");
    assertThat(r.errors()).as("decompiled text:\n%s", text).isEmpty();
    if (!r.orElseThrow().equals(t)) {
      TemplateJson json = TemplateJson.create();
      try {
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/rt-expected.json"), json.write(t));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/rt-actual.json"), json.write(r.orElseThrow()));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/rt.emr.md"), text);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      assertThat(json.write(r.orElseThrow())).as("decompiled text:\n%s", text)
          .isEqualTo(json.write(t));
    }
    assertThat(r.orElseThrow()).isEqualTo(t);
    assertThat(TemplateDecompiler.decompile(r.orElseThrow())).isEqualTo(text);
  }

  @Test
  void theBuilderSampleRoundTrips() {
    assertRoundTrip(Samples.admission());
  }

  @Test
  void randomTemplatesRoundTrip() {
    Seeds.check("DSL round trip", 500, r -> assertRoundTrip(RandomTemplates.template(r)));
  }
}

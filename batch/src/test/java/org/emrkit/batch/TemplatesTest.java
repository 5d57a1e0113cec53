package org.emrkit.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The templates directory of a run: one template for each id and version. */
class TemplatesTest {

  private static final Path PN = Path.of("../examples/src/main/resources/templates/"
      + "progress-note.emr.md");

  @Test
  void twoDifferentTemplatesOfOneIdAndVersionAreRefused(@TempDir Path dir) throws IOException {
    String source = Files.readString(PN);
    Files.writeString(dir.resolve("a.emr.md"), source);
    Files.writeString(dir.resolve("b.emr.md"), source.replaceFirst("\n# ([^\n]*)", "\n# $1（改）"));
    assertThatThrownBy(() -> Templates.load(dir.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("are both progress-note@1.0.0")
        .hasMessageContaining("a.emr.md").hasMessageContaining("b.emr.md");
  }

  @Test
  void theSameTemplateTwiceIsOne(@TempDir Path dir) throws IOException {
    String source = Files.readString(PN);
    Files.writeString(dir.resolve("a.emr.md"), source);
    Files.writeString(dir.resolve("copy.emr.md"), source);
    assertThat(Templates.load(dir.toString())).hasSize(2)
        .allSatisfy(t -> assertThat(t.id()).isEqualTo("progress-note"));
  }
}

package org.emrkit.render.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.emrkit.record.Record;
import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.junit.jupiter.api.Test;

/**
 * Golden HTML: the view and the edit form of every example record, as fragments (the full page
 * only adds the shared stylesheet and script, checked by {@link NuHtmlCheckerTest}), compared
 * with files reviewed once. Any change to the output shows up as a diff here; after an intended change run
 * {@code ./mvnw -pl renderers/html test -Dtest=GoldenHtmlTest -Demrkit.golden.update=true}, read
 * the diff, open the changed files in a browser, and commit them.
 */
class GoldenHtmlTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final Clock CLOCK = Clock.fixed(
      OffsetDateTime.parse("2026-11-28T12:00:00+08:00").toInstant(), ZoneOffset.ofHours(8));
  private static final List<String> EXAMPLES = List.of("admission-record", "first-progress-note",
      "progress-note", "operation-record", "discharge-record", "nursing-record");

  @Test
  void everyExampleRendersAsItsReviewedGoldenFile() throws IOException {
    boolean update = Boolean.getBoolean("emrkit.golden.update");
    for (String id : EXAMPLES) {
      Template t = Corpus.template(id);
      Record r = Corpus.record("clean--" + id + ".json", t);
      for (RenderMode mode : RenderMode.values()) {
        String html = HtmlRenderer.builder().options(RenderOptions.builder().mode(mode).clock(CLOCK).printedBy("档案室").build()).fullPage(false).build().render(t, r);
        Path golden = GOLDEN.resolve(id + "." + (mode == RenderMode.FORM ? "edit" : "view") + ".html");
        if (update) {
          Files.createDirectories(GOLDEN);
          Files.writeString(golden, html, StandardCharsets.UTF_8);
          continue;
        }
        assertThat(golden).as("golden file (see the class comment)").exists();
        assertThat(html).as(golden.toString())
            .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
      }
    }
  }
}

package org.emrkit.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that stand together (a print and the record that logs it) are written both or neither,
 * and a file that cannot be written is named with why, as a person says it.
 */
class FileWritesTest {

  /**
   * A directory that is not there fails for every user, root too (a directory without write
   * permission does not stop root): the print's, then the record's.
   */
  @Test
  void whenEitherCannotBeWrittenTheOtherIsAsItWas(@TempDir Path dir) throws IOException {
    for (boolean recordFails : new boolean[] {true, false}) {
      Path kept = dir.resolve(recordFails ? "print.pdf" : "record.json");
      Files.writeString(kept, "PREV");
      Path failing = dir.resolve("gone").resolve(recordFails ? "record.json" : "print.pdf");
      Path pdf = recordFails ? kept : failing;
      Path record = recordFails ? failing : kept;
      assertThatThrownBy(() -> RecordRenderer.writeBoth(pdf, bytes("NEW PDF"), record,
          bytes("{}")))
          .isInstanceOfSatisfying(RenderException.class, e -> {
            assertThat(e.code()).isEqualTo("render/io");
            assertThat(e.getMessage()).contains(failing.toString());
            assertThat(e.message().zh()).contains("无法写入文件 " + failing, "目录不存在");
            assertThat(e.message().en()).contains("no such directory");
          });
      assertThat(Files.readString(kept)).isEqualTo("PREV");
      try (var left = Files.list(dir)) {
        assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file left")
            .containsExactly(kept.getFileName().toString());
      }
      Files.delete(kept);
    }
  }

  @Test
  void bothAreWrittenWhenBothCanBe(@TempDir Path dir) throws IOException {
    Path pdf = dir.resolve("print.pdf");
    Path record = dir.resolve("record.json");
    Files.writeString(record, "{\"old\":1}");
    RecordRenderer.writeBoth(pdf, bytes("NEW PDF"), record, bytes("{\"new\":2}"));
    assertThat(Files.readString(pdf)).isEqualTo("NEW PDF");
    assertThat(Files.readString(record)).isEqualTo("{\"new\":2}");
    try (var left = Files.list(dir)) {
      assertThat(left.count()).as("no temporary file left").isEqualTo(2);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

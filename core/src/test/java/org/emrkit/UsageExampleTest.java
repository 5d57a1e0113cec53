package org.emrkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.emrkit.json.ReadResult;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Record;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.template.Table;
import org.emrkit.template.Template;
import org.junit.jupiter.api.Test;

/** The README's embedding example, run as a test; a second test keeps the README in step. */
class UsageExampleTest {

  @Test
  void readmeExample() {
    // --- README example start
    // A template with a merged vitals table, built in Java.
    Template template = Template.builder("admission-record", "1.0.0", "入院记录")
        .documentType("admission-record")
        .section("主诉", s -> s.required().dataElement("DE04.01.119.00")
            .line(Field.builder("chiefComplaint", FieldType.TEXT).required().maxLength(20)))
        .section("体格检查", s -> s.table(Table.builder(2, 4).widths(15, 35, 15, 35)
            .cell(0, 0, "体温").cell(0, 1, Field.builder("temp", FieldType.DECIMAL).unit("℃"))
            .cell(0, 2, "脉搏").cell(0, 3, Field.builder("pulse", FieldType.INTEGER).unit("次/分"))
            .cell(1, 0, "血压").cell(1, 1, Field.builder("sbp", FieldType.INTEGER).unit("mmHg"))
            .merge(1, 1, 1, 3).build()))
        .build();

    // A record as the host stores it: read, checked against the schema and the template.
    String json = "{\"format\": \"emrkit-record/1\", \"id\": \"R1\", \"status\": \"draft\","
        + " \"template\": {\"id\": \"admission-record\", \"version\": \"1.0.0\"},"
        + " \"values\": {\"chiefComplaint\": \"反复胸闷3天\", \"temp\": 36.8}}";
    ReadResult<Record> read = RecordJson.create().read(json, template);
    Record record = read.orElseThrow();                 // problems carry JSON pointers, zh + en
    BigDecimal temp = record.values().decimal("temp").orElseThrow();
    String stored = RecordJson.create().write(record);  // byte-stable JSON for the host's store
    // --- README example end

    assertThat(temp).isEqualByComparingTo("36.8");
    assertThat(RecordJson.create().read(stored, template).orElseThrow()).isEqualTo(record);
  }

  @Test
  void readmeShowsThisExample() throws IOException {
    String test = Files.readString(Path.of("src/test/java/org/emrkit/UsageExampleTest.java"));
    String example = test.substring(test.indexOf("// --- README example start") + 28,
        test.indexOf("    // --- README example end"));
    String readme = Files.readString(Path.of("../README.md"));
    String unindented = example.lines().map(l -> l.startsWith("    ") ? l.substring(4) : l)
        .reduce("", (a, b) -> a + b + "\n");
    assertThat(readme).contains(unindented.strip());
  }
}

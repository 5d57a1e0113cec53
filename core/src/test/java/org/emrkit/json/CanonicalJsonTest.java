package org.emrkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.emrkit.record.Record;
import org.emrkit.template.Template;
import org.emrkit.testing.RandomRecords;
import org.emrkit.testing.RandomTemplates;
import org.emrkit.testing.Seeds;
import org.junit.jupiter.api.Test;

/** The canonical text EMRKit hashes. */
class CanonicalJsonTest {

  @Test
  void theDirectWriterWritesWhatJacksonWritesOfTheSortedTree() {
    // the writer that hashes are taken with must not drift from Jackson's own output of the same
    // tree with its members sorted (the definition in docs/integrity.md)
    Seeds.check("canonical writer = Jackson's compact form of the sorted tree", 200, r -> {
      Template t = RandomTemplates.template(r);
      Record rec = RandomRecords.record(r, t);
      JsonNode tree = CanonicalJson.parse(RecordJson.create().write(rec));
      assertThat(CanonicalJson.write(tree)).isEqualTo(Json.compact(CanonicalJson.sorted(tree)));
    });
  }

  @Test
  void dateTimesAreWrittenAsTheIsoFormatterWritesThem() {
    // the direct writer of record date-times must not drift from ISO_OFFSET_DATE_TIME (hashes
    // of the trace are taken over this text)
    Seeds.check("date-time text = ISO_OFFSET_DATE_TIME", 2000, r -> {
      int year = r.nextInt(10) == 0 ? r.nextInt(12000) - 1000 : 1900 + r.nextInt(300);
      int nano = switch (r.nextInt(4)) {
        case 0 -> 0;
        case 1 -> r.nextInt(1000) * 1_000_000;
        case 2 -> r.nextInt(1_000_000) * 1000;
        default -> r.nextInt(1_000_000_000);
      };
      int offset = r.nextInt(5) == 0 ? r.nextInt(18 * 3600 * 2 + 1) - 18 * 3600
          : (r.nextInt(18 * 4 * 2 + 1) - 18 * 4) * 15 * 60;
      java.time.OffsetDateTime t = java.time.OffsetDateTime.of(year, 1 + r.nextInt(12),
          1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), r.nextInt(60), nano,
          java.time.ZoneOffset.ofTotalSeconds(offset));
      assertThat(RecordJson.dateTime(t)).as(t.toString())
          .isEqualTo(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t));
    });
  }

  @Test
  void membersAreSortedByUtf16UnitsStringsEscapedNumbersKept() {
    // U+1F600 sorts before U+FF21 by UTF-16 code units (its high surrogate is D83D)
    String text = "{\"b\": [1, 36.80, -0.5e1], \"a\": \"x\\n\\u0001\\\"/\","
        + " \"\uD83D\uDE00\": true, \"\uFF21\": null, \"Z\": {\"y\": 1, \"x\": 172.0}}";
    assertThat(CanonicalJson.canonical(text)).isEqualTo("{\"Z\":{\"x\":172.0,\"y\":1},"
        + "\"a\":\"x\\n\\u0001\\\"/\",\"b\":[1,36.80,-5],\"\uD83D\uDE00\":true,\"\uFF21\":null}");
  }
}

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

  /**
   * The direct reader of record date-times reads what OffsetDateTime.parse reads, the same, and
   * refuses what it refuses, with its exception: texts the writer writes, as the formatter
   * writes them, and with a character changed, taken out or put in.
   */
  private static final String[] EDGES = {"2026-02-29T10:00+08:00", "2024-02-29T10:00:00Z",
      "2026-04-31T10:00Z", "2026-11-20T24:00Z", "2026-11-20T23:60Z", "2026-11-20T10:00:60Z",
      "2026-11-20T10:00+18:00", "2026-11-20T10:00+18:01", "2026-11-20T10:00-18:00",
      "2026-11-20T10:00-00:00", "2026-11-20T10:00+08:60", "2026-11-20T10:00:00.123456789Z",
      "2026-11-20T10:00:00.1234567890Z", "2026-11-20T10:00:00.Z", "2026-11-20T10:00:00.5+08:00",
      "2026-11-20t10:00Z", "2026-11-20T10:00z", "2026-11-20T10:00+08:00:00",
      "2026-11-20T10:00+0800", "2026-13-01T10:00Z", "2026-00-10T10:00Z", "2026-11-00T10:00Z",
      "0000-01-01T00:00Z", "2026-11-20T10:00+24:00", "2026-11-20T10Z", "+2026-11-20T10:00Z",
      "12026-11-20T10:00Z", "2026-11-20T10:00:00+08:00 "};

  @Test
  void dateTimesAreReadAsOffsetDateTimeParseReadsThem() {
    String noise = "0123456789:-+.TZtz ";
    Seeds.check("date-time read = OffsetDateTime.parse", 2000, r -> {
      int year = r.nextInt(10) == 0 ? r.nextInt(12000) - 1000 : 1900 + r.nextInt(300);
      int nano = switch (r.nextInt(4)) {
        case 0 -> 0;
        case 1 -> r.nextInt(1000) * 1_000_000;
        default -> r.nextInt(1_000_000_000);
      };
      int offset = r.nextInt(5) == 0 ? r.nextInt(18 * 3600 * 2 + 1) - 18 * 3600
          : (r.nextInt(18 * 4 * 2 + 1) - 18 * 4) * 15 * 60;
      java.time.OffsetDateTime t = java.time.OffsetDateTime.of(year, 1 + r.nextInt(12),
          1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), r.nextInt(3) == 0 ? 0 : r.nextInt(60),
          nano, java.time.ZoneOffset.ofTotalSeconds(offset));
      String text = r.nextBoolean() ? RecordJson.dateTime(t)
          : java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmxxx").format(t);
      StringBuilder b = new StringBuilder(text);
      for (int k = r.nextInt(3); k > 0 && b.length() > 0; k--) {
        int at = r.nextInt(b.length());
        char c = noise.charAt(r.nextInt(noise.length()));
        switch (r.nextInt(3)) {
          case 0 -> b.setCharAt(at, c);
          case 1 -> b.deleteCharAt(at);
          default -> b.insert(at, c);
        }
      }
      String s = r.nextInt(4) == 0 ? EDGES[r.nextInt(EDGES.length)] : b.toString();
      Object expected;
      try {
        expected = java.time.OffsetDateTime.parse(s);
      } catch (RuntimeException e) {
        expected = e.getClass();
      }
      Object actual;
      try {
        actual = ValueTree.parseDateTime(s);
      } catch (RuntimeException e) {
        actual = e.getClass();
      }
      assertThat(actual).as(s).isEqualTo(expected);
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

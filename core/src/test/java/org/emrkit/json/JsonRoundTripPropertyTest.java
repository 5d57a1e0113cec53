package org.emrkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.emrkit.record.Record;
import org.emrkit.template.Template;
import org.emrkit.testing.RandomRecords;
import org.emrkit.testing.RandomTemplates;
import org.emrkit.testing.Seeds;
import org.junit.jupiter.api.Test;

/** Round trips through JSON are identities, and our JSON output is byte-stable. */
class JsonRoundTripPropertyTest {

  private static final TemplateJson TEMPLATES = TemplateJson.create();
  private static final RecordJson RECORDS = RecordJson.create();

  @Test
  void templateToJsonToTemplateIsIdentity() {
    Seeds.check("template JSON round trip", 1_000, r -> {
      Template t = RandomTemplates.template(r);
      String json = TEMPLATES.write(t);
      ReadResult<Template> back = TEMPLATES.read(json);
      assertThat(back.problems()).as(json).isEmpty();
      assertThat(back.orElseThrow()).isEqualTo(t);
      assertThat(TEMPLATES.write(back.orElseThrow())).isEqualTo(json);
    });
  }

  @Test
  void recordToJsonToRecordIsIdentityAndByteStable() {
    Seeds.check("record JSON round trip", 1_000, r -> {
      Template t = RandomTemplates.template(r);
      Record rec = RandomRecords.record(r, t);
      String json = RECORDS.write(rec);
      assertThat(RECORDS.write(rec)).isEqualTo(json);
      ReadResult<Record> back = RECORDS.read(json, t);
      assertThat(back.problems()).as(json).isEmpty();
      assertThat(back.orElseThrow()).isEqualTo(rec);
      assertThat(RECORDS.write(back.orElseThrow())).isEqualTo(json);
    });
  }
}

package org.emrkit.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.emrkit.record.Record;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.emrkit.testing.RandomRecords;
import org.emrkit.testing.RandomTemplates;
import org.emrkit.testing.Seeds;
import org.junit.jupiter.api.Test;

/**
 * A walk for a target that reads fields only (the validation's) makes no paragraphs and names
 * its fields on a path of its own ({@code Walker.fields}); it must meet the same fields, named
 * the same, as a walk that makes every paragraph.
 */
class FieldsOnlyWalkTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T04:00:00Z"),
      ZoneOffset.ofHours(8));

  @Test
  void aWalkOfFieldsOnlyMeetsTheFieldsAWholeWalkMeets() {
    Seeds.check("fields-only walk = whole walk", 300, r -> {
      Template t = RandomTemplates.template(r);
      compare(t, RandomRecords.record(r, t));
    });
  }

  @Test
  void soForTheCorpusRecords() {
    int met = 0;
    for (Corpus.Written w : Corpus.records()) {
      met += compare(w.template(), w.record());
    }
    assertThat(met).isGreaterThan(1000);
  }

  /** Compares the two walks of a record; the number of fields met. */
  private static int compare(Template t, Record record) {
    Resolver resolver = Resolver.of(t, record, CLOCK);
    List<String> alone = new ArrayList<>();
    RecordWalk.builder(resolver).includeHidden(true).build().blocks(new WalkTarget() {
      @Override
      public boolean fieldsOnly() {
        return true;
      }

      @Override
      public void fieldAlone(FieldView v) {
        alone.add(describe(v));
      }
    });
    List<String> whole = new ArrayList<>();
    RecordWalk.builder(resolver).includeHidden(true).build().blocks(new WalkTarget() {
      @Override
      public void paragraph(ParagraphView p) {
        for (Run run : p.runs()) {
          if (run instanceof Run.FieldRun f) {
            whole.add(describe(f.field()));
          }
        }
      }
    });
    assertThat(alone).isEqualTo(whole);
    return whole.size();
  }

  private static String describe(FieldView v) {
    return v.path() + " " + v.label() + " " + v.value() + " " + v.visible() + " "
        + v.sections().stream().map(s -> s.id()).toList();
  }
}

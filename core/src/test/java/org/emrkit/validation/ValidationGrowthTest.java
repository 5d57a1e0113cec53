package org.emrkit.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.emrkit.record.Record;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.emrkit.validation.rules.FieldRules;
import org.emrkit.validation.rules.FrontPageRules;
import org.emrkit.validation.rules.WritingStandardRules;
import org.junit.jupiter.api.Test;

/**
 * The work of a validation grows linearly with a record's entries: the bytes it allocates per
 * entry (which the JVM counts exactly, unlike its time on a shared machine) are the same for a
 * 病程记录 of 1,000 progress notes as for one of 8,000. A pass over pairs of entries, or a copy
 * of what came before at each entry, allocates eight times more per entry at 8,000; the time
 * is measured in {@code ValidationScaleBenchmark}, not here (docs/benchmarks.md).
 */
class ValidationGrowthTest {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @Test
  void allocationPerEntryIsTheSameAtEightTimesTheEntries() {
    assertTrue(THREADS.isThreadAllocatedMemorySupported());
    Validator validator = Validator.builder().pack(FieldRules.pack())
        .pack(WritingStandardRules.pack()).pack(FrontPageRules.pack())
        .clock(Clock.fixed(OffsetDateTime.parse("2026-11-28T12:00:00+08:00").toInstant(),
            ZoneOffset.ofHours(8)))
        .build();
    Template template = Corpus.template("progress-note");
    Record small = notes(template, 1_000);
    Record large = notes(template, 8_000);
    // both sizes compiled alike first: escape analysis, once a method is compiled, leaves out
    // allocations the interpreter makes
    for (int i = 0; i < 6; i++) {
      validator.validate(template, small);
      validator.validate(template, large);
    }
    double perSmall = Double.MAX_VALUE;
    double perLarge = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      perSmall = Math.min(perSmall, allocated(validator, template, small) / 1_000.0);
      perLarge = Math.min(perLarge, allocated(validator, template, large) / 8_000.0);
    }
    System.out.printf("validation allocates %.0f B per entry at 1,000 entries, %.0f at 8,000%n",
        perSmall, perLarge);
    // two findings per note (its signature was typed in, the generator signs nothing): the
    // report alone holds about a kilobyte an entry
    assertEquals(2 * 8_000, validator.validate(template, large).findings().size());
    assertTrue(perLarge > 500, "a validation that did nothing: " + perLarge);
    assertEquals(1.0, perLarge / perSmall, 0.15,
        "bytes allocated per entry at 8,000 entries against 1,000: " + perLarge + " / "
            + perSmall);
  }

  private static long allocated(Validator validator, Template template, Record record) {
    long id = Thread.currentThread().getId();
    long before = THREADS.getThreadAllocatedBytes(id);
    ValidationReport report = validator.validate(template, record);
    long after = THREADS.getThreadAllocatedBytes(id);
    assertTrue(report.findings().size() > 0);
    return after - before;
  }

  /** The generated 病程记录 without a revision chain (as in the benchmark). */
  private static Record notes(Template template, int entries) {
    Record r = Corpus.progressNotes(template, entries);
    return new Record(r.id(), r.template(), r.embeddedTemplate(), r.status(), r.context(),
        r.values(), r.completedAt(), List.of(), List.of(), r.extensions());
  }
}

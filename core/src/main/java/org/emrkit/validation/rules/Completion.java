package org.emrkit.validation.rules;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.emrkit.record.Record;
import org.emrkit.record.Signature;
import org.emrkit.record.Value;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;

/** When a record was completed, for time limits (package-private). */
final class Completion {
  private Completion() {}

  /** The earlier of {@code completedAt} and the first signature (record or field). */
  static Optional<OffsetDateTime> of(RecordContext context) {
    Record r = context.record();
    OffsetDateTime best = r.completedAt();
    for (Signature s : r.signatures()) {
      best = earlier(best, s.at());
    }
    for (FieldValue f : context.fields()) {
      if (f.value() instanceof Value.Signed s) {
        best = earlier(best, s.signer().at());
      }
    }
    return Optional.ofNullable(best);
  }

  /** The first signature time (record signatures or signature fields). */
  static Optional<OffsetDateTime> firstSignature(RecordContext context) {
    OffsetDateTime best = null;
    for (Signature s : context.record().signatures()) {
      best = earlier(best, s.at());
    }
    for (FieldValue f : context.fields()) {
      if (f.value() instanceof Value.Signed s) {
        best = earlier(best, s.signer().at());
      }
    }
    return Optional.ofNullable(best);
  }

  private static OffsetDateTime earlier(OffsetDateTime a, OffsetDateTime b) {
    return a == null || b.isBefore(a) ? b : a;
  }
}

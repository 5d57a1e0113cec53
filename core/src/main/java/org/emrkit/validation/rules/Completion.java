package org.emrkit.validation.rules;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.emrkit.record.Signature;
import org.emrkit.record.Value;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;

/** When a record was completed, for time limits (package-private). */
final class Completion {
  private Completion() {}

  /** The earlier of {@code completedAt} and the first signature (record or field). */
  static Optional<OffsetDateTime> of(RecordContext context) {
    OffsetDateTime completed = context.record().completedAt();
    Optional<OffsetDateTime> signed = firstSignature(context);
    if (completed == null) {
      return signed;
    }
    return Optional.of(signed.map(s -> earlier(completed, s)).orElse(completed));
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

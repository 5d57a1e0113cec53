package org.emrkit.validation.rules;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.emrkit.record.Signature;
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

  /**
   * The first signature's time (superseded ones too: the record was signed then); a name typed
   * into a signature field is no signature.
   */
  static Optional<OffsetDateTime> firstSignature(RecordContext context) {
    OffsetDateTime best = null;
    for (Signature s : context.record().signatures()) {
      best = earlier(best, s.at());
    }
    return Optional.ofNullable(best);
  }

  private static OffsetDateTime earlier(OffsetDateTime a, OffsetDateTime b) {
    return a == null || b.isBefore(a) ? b : a;
  }
}

package org.emrkit.validation.rules;

import org.emrkit.edit.Audit;
import org.emrkit.edit.RecordAudit;
import org.emrkit.validation.RecordContext;

/** The audit of the record being validated, made once for every rule that needs it. */
final class Integrity {
  private Integrity() {}

  static Audit audit(RecordContext context) {
    return context.memo(Integrity.class, () -> RecordAudit.audit(context.template(),
        context.record()));
  }
}

package org.emrkit.validation.rules;

import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.RecordRule;
import org.emrkit.validation.Reporter;

/**
 * A rule that looks at each active field on its own (the field rules): the loop over the
 * record's fields, skipping those hidden by {@code when}/{@code if}, lives here once.
 */
abstract class ActiveFieldRule implements RecordRule {

  @Override
  public final void check(RecordContext context, Reporter reporter) {
    for (FieldValue f : context.fields()) {
      if (f.active()) {
        check(f, context, reporter);
      }
    }
  }

  /** Checks one active field. */
  abstract void check(FieldValue f, RecordContext context, Reporter reporter);
}

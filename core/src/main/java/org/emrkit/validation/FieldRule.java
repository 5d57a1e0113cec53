package org.emrkit.validation;

import org.emrkit.record.Value;
import org.emrkit.template.Field;

/**
 * A record rule that looks at each active field on its own (the field rules: required, range,
 * length, options, codes ...). The validator runs every field rule in one pass over the record's
 * fields, each field checked by those of them that apply to it ({@link #appliesTo}), instead of
 * one pass per rule: on a record of 40,000 entries the fields no longer fit the processor's
 * caches, and a pass per rule made the time per entry grow with the record. Findings come out
 * as if each rule had run alone, in the order of the rules. Implementations are stateless and
 * thread-safe.
 */
public interface FieldRule extends RecordRule {

  /**
   * Whether the rule can have anything to say about an occurrence of {@code field} that holds a
   * value of kind {@code kind} ({@code null}: it holds none), from the two alone: the template
   * field (its type, its bounds) and the value's kind, which in a record a host builds may not be
   * its field's. Asked once per field and kind and kept by the validator for the templates it met
   * last; {@link #check(FieldValue, RecordContext, Reporter)} is called only for the occurrences
   * it applies to. Every field and kind unless overridden.
   */
  default boolean appliesTo(Field field, Class<? extends Value> kind) {
    return true;
  }

  /** Checks one active field (one hidden by {@code when}/{@code if} is never passed). */
  void check(FieldValue field, RecordContext context, Reporter reporter);

  /** Checks every active field of the record: what running the rule alone does. */
  @Override
  default void check(RecordContext context, Reporter reporter) {
    for (FieldValue f : context.fields()) {
      if (f.active() && appliesTo(f.field(), f.kind())) {
        check(f, context, reporter);
      }
    }
  }
}

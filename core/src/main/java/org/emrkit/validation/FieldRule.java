package org.emrkit.validation;

import org.emrkit.template.Field;

/**
 * A record rule that looks at each active field on its own (the field rules: required, range,
 * length, options, codes ...). The validator runs every field rule in one pass over the record's
 * fields, each field checked by those of them that apply to it ({@link #appliesTo}), instead of
 * one pass per rule: on a record of 40,000 entries the fields no longer fit the processor's
 * caches, and a pass per rule made the time per entry grow with the record. Findings come out
 * as if each rule had run alone, in the order of the rules. Implementations are stateless and thread-safe.
 */
public interface FieldRule extends RecordRule {

  /**
   * Whether the rule can have anything to say about occurrences of {@code field}, from the
   * template field alone (its type, its bounds), whatever value an occurrence holds (a record a
   * host builds may hold a value of another type than its field's); asked at the field's first
   * occurrence and kept by the validator for the templates it met last, and
   * {@link #check(FieldValue, RecordContext, Reporter)} is then called only for occurrences of
   * the fields it applies to. Every field unless overridden.
   */
  default boolean appliesTo(Field field) {
    return true;
  }

  /** Checks one active field (one hidden by {@code when}/{@code if} is never passed). */
  void check(FieldValue field, RecordContext context, Reporter reporter);

  /** Checks every active field of the record: what running the rule alone does. */
  @Override
  default void check(RecordContext context, Reporter reporter) {
    for (FieldValue f : context.fields()) {
      if (f.active() && appliesTo(f.field())) {
        check(f, context, reporter);
      }
    }
  }
}

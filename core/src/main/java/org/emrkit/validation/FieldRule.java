package org.emrkit.validation;

/**
 * A record rule that looks at each active field on its own (the field rules: required, range,
 * length, options, codes ...). The validator runs every field rule in one pass over the record's
 * fields, each field checked by all of them in turn, instead of one pass per rule: on a record of
 * 40,000 entries the fields no longer fit the processor's caches, and a pass per rule made the
 * time per entry grow with the record. Findings come out as if each rule had run alone, in the
 * order of the rules. Implementations are stateless and thread-safe.
 */
public interface FieldRule extends RecordRule {

  /** Checks one active field (one hidden by {@code when}/{@code if} is never passed). */
  void check(FieldValue field, RecordContext context, Reporter reporter);

  /** Checks every active field of the record: what running the rule alone does. */
  @Override
  default void check(RecordContext context, Reporter reporter) {
    for (FieldValue f : context.fields()) {
      if (f.active()) {
        check(f, context, reporter);
      }
    }
  }
}

package org.emrkit.validation;

/**
 * A validation rule: a small stateless object with a stable code. Record rules check one record
 * with its template ({@link RecordRule}); chart rules check all records of one encounter
 * ({@link ChartRule}). Rules report through a {@link Reporter}; they never throw for a bad
 * record (the engine turns an unexpected exception into an {@code engine/rule-failed} finding,
 * so one faulty host rule cannot hide the others' results).
 */
public sealed interface Rule permits RecordRule, ChartRule, TemplateRule {

  /**
   * The rule's description, defaults and parameters: the same for the rule's lifetime (a
   * validator reads it once, when it is built, with the host's overrides).
   */
  RuleInfo info();

  /** Shorthand for {@code info().code()}. */
  default String code() {
    return info().code();
  }
}

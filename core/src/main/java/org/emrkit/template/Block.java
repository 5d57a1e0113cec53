package org.emrkit.template;

/**
 * A block of a template: a {@link Section}, {@link Paragraph}, {@link Table}, {@link RepeatGroup}
 * or {@link Conditional}. All are immutable records. Dispatch with {@link #accept}.
 */
public sealed interface Block permits Section, Paragraph, Table, RepeatGroup, Conditional {

  /** Calls the visitor method for this block's type and returns its result. */
  <R> R accept(BlockVisitor<R> visitor);
}

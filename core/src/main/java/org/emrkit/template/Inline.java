package org.emrkit.template;

/**
 * A run inside a {@link Paragraph}: styled {@link Text}, a {@link Field}, a {@link LineBreak} or a
 * {@link PageNumber}. Dispatch with {@link #accept}.
 */
public sealed interface Inline permits Text, Field, LineBreak, PageNumber {

  /** Calls the visitor method for this inline's type and returns its result. */
  <R> R accept(InlineVisitor<R> visitor);
}

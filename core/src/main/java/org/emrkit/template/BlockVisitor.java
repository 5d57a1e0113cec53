package org.emrkit.template;

/**
 * Visits the block types of a template (Java 17 has no pattern matching for {@code switch}).
 *
 * @param <R> what each visit returns
 */
public interface BlockVisitor<R> {
  /** Visits a section. */
  R visitSection(Section section);

  /** Visits a paragraph. */
  R visitParagraph(Paragraph paragraph);

  /** Visits a table. */
  R visitTable(Table table);

  /** Visits a repeat group. */
  R visitRepeatGroup(RepeatGroup group);

  /** Visits a conditional. */
  R visitConditional(Conditional conditional);
}

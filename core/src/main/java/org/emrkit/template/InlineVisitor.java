package org.emrkit.template;

/**
 * Visits the inline types of a paragraph.
 *
 * @param <R> what each visit returns
 */
public interface InlineVisitor<R> {
  /** Visits styled text. */
  R visitText(Text text);

  /** Visits a field. */
  R visitField(Field field);

  /** Visits a hard line break. */
  R visitLineBreak(LineBreak lineBreak);

  /** Visits a page number or page count placeholder. */
  R visitPageNumber(PageNumber pageNumber);
}

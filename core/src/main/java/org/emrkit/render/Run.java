package org.emrkit.render;

import org.emrkit.template.PageNumber;
import org.emrkit.template.Text;

/** A piece of a paragraph as the walk reaches it: text, a field, a line break, a page number. */
public sealed interface Run permits Run.TextRun, Run.FieldRun, Run.Break, Run.PageRun {

  /** Styled template text. @param text the text with its styles */
  record TextRun(Text text) implements Run {}

  /** A field. @param field the field where it occurs */
  record FieldRun(FieldView field) implements Run {}

  /** A line break. */
  record Break() implements Run {}

  /**
   * The page number or page count (in page areas only).
   *
   * @param kind which
   */
  record PageRun(PageNumber.Kind kind) implements Run {}
}

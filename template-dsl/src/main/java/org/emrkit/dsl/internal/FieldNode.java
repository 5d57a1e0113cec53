package org.emrkit.dsl.internal;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * An inline {@code {{...}}}: a field, a nested-table reference {@code {{> id}}}, or a page number
 * {@code {{= page}}}. {@link #closed} is false for a {@code {{} that has no closing braces.
 */
public final class FieldNode extends Node {
  final boolean closed;
  /** For an unclosed field: offset of a quote its scan left open, or -1. */
  final int openQuote;

  FieldNode(BasedSequence chars, boolean closed, int openQuote) {
    super(chars);
    this.closed = closed;
    this.openQuote = openQuote;
  }

  /** The text between the braces (for an unclosed one, an empty sequence). */
  BasedSequence inner() {
    BasedSequence c = getChars();
    return closed ? c.subSequence(2, c.length() - 2) : c.subSequence(2, 2);
  }

  @Override
  public BasedSequence[] getSegments() {
    return EMPTY_SEGMENTS;
  }
}

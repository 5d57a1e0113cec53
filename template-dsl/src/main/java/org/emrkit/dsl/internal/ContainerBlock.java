package org.emrkit.dsl.internal;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * A fenced container {@code ::: kind args} ... {@code :::}. The opening line is kept in
 * {@link #opener}; {@link #closed} is false when the document ended before the closing fence.
 */
public final class ContainerBlock extends Block {
  final BasedSequence opener;
  final BasedSequence info;
  final int colons;
  boolean closed;
  /** Offset of the line that closed this container, or -1. */
  int closerOffset = -1;

  ContainerBlock(BasedSequence opener, BasedSequence info, int colons) {
    this.opener = opener;
    this.info = info;
    this.colons = colons;
  }

  @Override
  public BasedSequence[] getSegments() {
    return new BasedSequence[] {opener};
  }
}

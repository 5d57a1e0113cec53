package org.emrkit.dsl.internal;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A line {@code {: #id widths="..." repeat minRows=1 maxRows=50}} that applies to the table above it. */
public final class TableAttributesBlock extends Block {
  final BasedSequence attributes;

  TableAttributesBlock(BasedSequence line, BasedSequence attributes) {
    super(line);
    this.attributes = attributes;
  }

  @Override
  public BasedSequence[] getSegments() {
    return new BasedSequence[] {getChars()};
  }
}

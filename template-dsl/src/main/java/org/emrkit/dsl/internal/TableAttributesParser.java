package org.emrkit.dsl.internal;

import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * Parses a table attribute line {@code {: ...}}. It interrupts the paragraph above it, so a pipe
 * table followed directly by its attribute line ends there and the table extension sees only
 * the table rows.
 */
final class TableAttributesParser extends AbstractBlockParser {

  private final TableAttributesBlock block;

  private TableAttributesParser(TableAttributesBlock block) {
    this.block = block;
  }

  @Override
  public Block getBlock() {
    return block;
  }

  @Override
  public BlockContinue tryContinue(ParserState state) {
    return BlockContinue.none();
  }

  @Override
  public void addLine(ParserState state, BasedSequence line) {}

  @Override
  public void closeBlock(ParserState state) {}

  /** Registers the parser. */
  static final class Factory implements CustomBlockParserFactory {
    @Override
    public BlockParserFactory apply(DataHolder options) {
      return new StartFactory(options);
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
      return null;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return null;
    }

    @Override
    public boolean affectsGlobalScope() {
      return false;
    }
  }

  private static final class StartFactory extends AbstractBlockParserFactory {
    StartFactory(DataHolder options) {
      super(options);
    }

    @Override
    public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
      if (state.getIndent() >= 4) {
        return BlockStart.none();
      }
      BasedSequence line = state.getLine().subSequence(state.getNextNonSpaceIndex()).trimEOL()
          .trimEnd();
      if (!line.startsWith("{:") || !line.endsWith("}") || line.length() < 3) {
        return BlockStart.none();
      }
      TableAttributesBlock block = new TableAttributesBlock(line,
          line.subSequence(2, line.length() - 1));
      return BlockStart.of(new TableAttributesParser(block)).atIndex(state.getLineEndIndex());
    }
  }
}

package org.emrkit.dsl.internal;

import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code :::} containers. A container opens with three or more colons and a kind at the
 * start of a line and ends at a line of at least as many colons and nothing else. A container
 * inside another must use fewer colons; an opener that does not (or one nested deeper than
 * {@link #MAX_DEPTH}) is not opened: it stays a line of text, which the model builder reports.
 * So nesting is always bounded and parsing stays linear.
 *
 * <p>Closing: Flexmark can only finalize the innermost open block, so on its closing fence a
 * container marks itself closing and stays matched; {@link FenceParser} takes the fence line
 * (ending any open paragraph inside), and on the next line the container reports itself
 * unmatched, which closes it and everything in it.
 */
final class ContainerBlockParser extends AbstractBlockParser {

  /** Deepest nesting of containers the parser opens. */
  static final int MAX_DEPTH = 16;

  static final Pattern OPENER = Pattern.compile("^(:{3,})[ \\t]*([^:\\s].*)$");
  static final Pattern CLOSER = Pattern.compile("^(:{3,})[ \\t]*$");

  private final ContainerBlock block;
  private boolean closing;

  ContainerBlockParser(ContainerBlock block) {
    this.block = block;
  }

  @Override
  public Block getBlock() {
    return block;
  }

  @Override
  public BlockContinue tryContinue(ParserState state) {
    if (closing) {
      return BlockContinue.none();
    }
    if (state.getIndent() < 4) {
      BasedSequence rest = state.getLine().subSequence(state.getNextNonSpaceIndex()).trimEOL();
      Matcher m = CLOSER.matcher(rest);
      if (m.matches() && m.group(1).length() >= block.colons) {
        closing = true;
        block.closed = true;
        block.closerOffset = rest.getStartOffset();
      }
    }
    return BlockContinue.atIndex(state.getIndex());
  }

  @Override
  public boolean isContainer() {
    return true;
  }

  @Override
  public boolean canContain(ParserState state, BlockParser blockParser, Block child) {
    return true;
  }

  @Override
  public void addLine(ParserState state, BasedSequence line) {}

  @Override
  public void closeBlock(ParserState state) {
    block.setCharsFromContent();
  }

  /** A closing fence line, kept as a leaf block so it ends any paragraph inside the container. */
  static final class FenceParser extends AbstractBlockParser {
    private final FenceBlock block;

    FenceParser(BasedSequence line) {
      this.block = new FenceBlock(line);
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
  }

  /** The closing fence line of a container. */
  public static final class FenceBlock extends Block {
    FenceBlock(BasedSequence line) {
      super(line);
    }

    @Override
    public BasedSequence[] getSegments() {
      return new BasedSequence[] {getChars()};
    }
  }

  /**
   * Registers the container parser. (It looks like TableAttributesParser.Factory, but Flexmark
   * tells block-parser factories apart by class, so one shared class cannot serve both.)
   */
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
      BasedSequence line = state.getLine();
      BasedSequence rest = line.subSequence(state.getNextNonSpaceIndex()).trimEOL();
      if (CLOSER.matcher(rest).matches()) {
        for (BlockParser p : state.getActiveBlockParsers()) {
          if (p instanceof ContainerBlockParser c && c.closing
              && c.block.closerOffset == rest.getStartOffset()) {
            return BlockStart.of(new FenceParser(rest)).atIndex(state.getLineEndIndex());
          }
        }
        return BlockStart.none();
      }
      Matcher m = OPENER.matcher(rest);
      if (!m.matches()) {
        return BlockStart.none();
      }
      int colons = m.group(1).length();
      int depth = 0;
      for (BlockParser p : state.getActiveBlockParsers()) {
        if (p instanceof ContainerBlockParser c) {
          depth++;
          if (colons >= c.block.colons) {
            return BlockStart.none();
          }
        }
      }
      if (depth >= MAX_DEPTH) {
        return BlockStart.none();
      }
      ContainerBlock block = new ContainerBlock(rest, rest.subSequence(m.start(2), m.end(2)).trim(),
          colons);
      return BlockStart.of(new ContainerBlockParser(block)).atIndex(state.getLineEndIndex());
    }
  }
}

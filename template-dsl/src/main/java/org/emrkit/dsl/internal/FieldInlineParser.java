package org.emrkit.dsl.internal;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * Parses {@code {{...}}} inline. Quoted attribute values may hold {@code }}} and {@code |}; a
 * backslash escapes the next character inside quotes. Because this runs inside Flexmark's inline
 * parser, which the table extension also uses to find cell separators, a {@code |} inside
 * {@code {{...}}} never ends a table cell.
 *
 * <p>A field ends on its line. Linear on any input: once a scan from some offset finds no closing
 * braces before the end of its line, every later {@code {{} up to that line end is unclosed
 * without scanning again.
 */
final class FieldInlineParser implements InlineParserExtension {

  private BasedSequence failedInput;
  private int failedFrom;
  private int failedTo;
  private int openQuote;

  FieldInlineParser(LightInlineParser parser) {}

  @Override
  public void finalizeDocument(InlineParser inlineParser) {}

  @Override
  public void finalizeBlock(InlineParser inlineParser) {}

  @Override
  public boolean parse(LightInlineParser parser) {
    if (parser.peek(1) != '{') {
      return false;
    }
    BasedSequence input = parser.getInput();
    int start = parser.getIndex();
    boolean knownUnclosed = input == failedInput && start >= failedFrom && start < failedTo;
    int end = knownUnclosed ? -1 : closing(input, start + 2);
    parser.flushTextNode();
    if (end < 0) {
      int quote = -1;
      if (!knownUnclosed) {
        failedInput = input;
        failedFrom = start;
        failedTo = -end - 1;
        quote = openQuote < 0 ? -1 : input.subSequence(openQuote, openQuote + 1).getStartOffset();
      }
      parser.getBlock().appendChild(new FieldNode(input.subSequence(start, start + 2), false,
          quote));
      parser.setIndex(start + 2);
      return true;
    }
    parser.getBlock().appendChild(new FieldNode(input.subSequence(start, end + 2), true, -1));
    parser.setIndex(end + 2);
    return true;
  }

  /**
   * Index of the {@code }}} closing a field opened before {@code from}, or {@code -(stop + 1)}
   * where {@code stop} is the line end or input end the scan reached.
   */
  private int closing(BasedSequence s, int from) {
    openQuote = -1;
    int n = s.length();
    for (int i = from; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        return -(i + 1);
      }
      if (openQuote >= 0) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          openQuote = -1;
        }
      } else if (c == '"') {
        openQuote = i;
      } else if (c == '}' && i + 1 < n && s.charAt(i + 1) == '}') {
        return i;
      }
    }
    return -(n + 1);
  }

  /** Registers the parser for {@code {}. */
  static final class Factory implements InlineParserExtensionFactory {
    @Override
    public Set<Class<?>> getAfterDependents() {
      return null;
    }

    @Override
    public CharSequence getCharacters() {
      return "{";
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return null;
    }

    @Override
    public InlineParserExtension apply(LightInlineParser lightInlineParser) {
      return new FieldInlineParser(lightInlineParser);
    }

    @Override
    public boolean affectsGlobalScope() {
      return false;
    }
  }
}

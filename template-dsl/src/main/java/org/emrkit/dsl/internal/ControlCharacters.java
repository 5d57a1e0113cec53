package org.emrkit.dsl.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Control characters in a template's source: invisible in an editor, they would pass into every
 * title, label and text they sit in, and XML (DOCX, CDA) cannot hold most of them at all, so a
 * Word export of the template's records would not open. Found before Flexmark sees the text, as
 * typed (a tab and a line feed are allowed) or as numeric character references ({@code &#7;},
 * {@code &#x1B;}; and {@code &#10;}, a line feed inside a text run, which crashed the compiler),
 * each with its line and column.
 */
public final class ControlCharacters {

  private static final Pattern REFERENCE = Pattern.compile("&#([0-9]{1,7}|[xX][0-9a-fA-F]{1,6});");

  /** One found: 1-based line and column (in characters), the code point, the reference if any. */
  public record Found(int line, int column, int codePoint, String reference) {

    /** "U+0007". */
    public String name() {
      return String.format("U+%04X", codePoint);
    }

    /** A line feed or carriage return (by reference: typed, they end the line). */
    public boolean lineBreak() {
      return codePoint == '\n' || codePoint == '\r';
    }
  }

  private ControlCharacters() {}

  /** Whether a code point is one no template text may hold. */
  public static boolean isControl(int cp) {
    return cp < 0x20 && cp != '\n' && cp != '\t' || cp >= 0x7F && cp <= 0x9F
        || cp == 0xFFFE || cp == 0xFFFF || cp >= 0xD800 && cp <= 0xDFFF;
  }

  /** The first {@code max} control characters of the text, in order. */
  public static List<Found> find(String text, int max) {
    List<Found> out = new ArrayList<>();
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < text.length() && out.size() < max; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        lineStart = i + 1;
        continue;
      }
      boolean lone = Character.isHighSurrogate(c)
          ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
          : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
      if (lone || !Character.isSurrogate(c) && isControl(c)) {
        out.add(new Found(line, i - lineStart + 1, c, null));
      } else if (c == '&') {
        Matcher m = REFERENCE.matcher(text).region(i, Math.min(text.length(), i + 12));
        if (m.lookingAt()) {
          String n = m.group(1);
          int cp = n.charAt(0) == 'x' || n.charAt(0) == 'X'
              ? Integer.parseInt(n.substring(1), 16) : Integer.parseInt(n);
          // &#0; and references to surrogates read as U+FFFD (CommonMark), not as controls; a
          // line feed by reference is refused too (a text run cannot hold one: <br> breaks)
          if (cp != 0 && !(cp >= 0xD800 && cp <= 0xDFFF) && isControl(cp)
              || cp == '\n' || cp == '\r') {
            out.add(new Found(line, i - lineStart + 1, cp, m.group()));
          }
        }
      }
    }
    return out;
  }
}

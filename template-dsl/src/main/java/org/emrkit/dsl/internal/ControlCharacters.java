package org.emrkit.dsl.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Control characters in a template's source: invisible in an editor, they would pass into every
 * title, label and text they sit in, and XML (DOCX, CDA) cannot hold most of them at all, so a
 * Word export of the template's records would not open; nor characters the record reader
 * refuses (a text-direction control, a noncharacter, half a surrogate pair), which every record
 * carrying the template would then hold. Found before Flexmark sees the text, as typed (a tab
 * and a line feed are allowed) or as character references ({@code &#7;}, {@code &#x1B;}, and a
 * line feed, {@code &#10;} or {@code &NewLine;}, inside a text run, which crashed the compiler),
 * each with its line and column.
 */
public final class ControlCharacters {

  // up to eight digits, as flexmark decodes them (a reference of more is left as text)
  private static final Pattern REFERENCE =
      Pattern.compile("&#([0-9]{1,8}|[xX][0-9a-fA-F]{1,8});|&NewLine;");

  /** What kind of character no template text may hold. */
  public enum Kind {
    /** U+0000–U+001F but tab and line feed, U+007F–U+009F. */
    CONTROL,
    /** A line feed or carriage return by reference (typed, they end the line). */
    LINE_BREAK,
    /** U+202A–U+202E, U+2066–U+2069, U+061C: text that reads otherwise than it is stored. */
    BIDI,
    /** U+FDD0–U+FDEF, U+xxFFFE, U+xxFFFF. */
    NONCHARACTER,
    /** Half a surrogate pair. */
    SURROGATE,
    /** A reference past U+10FFFF. */
    NONE
  }

  /**
   * One found: 1-based line and column (in characters), the code point, its kind, the reference
   * if any.
   */
  public record Found(int line, int column, long codePoint, Kind kind, String reference) {

    /** "U+0007". */
    public String name() {
      return String.format("U+%04X", codePoint);
    }
  }

  private ControlCharacters() {}

  /** The kind of a code point no template text may hold, or null. */
  public static Kind kind(long cp) {
    if (cp == '\r') {
      return Kind.LINE_BREAK;
    }
    if (cp <= 0x9F && org.emrkit.record.ValueText.isControl((int) cp)) {
      return Kind.CONTROL;
    }
    if (cp > 0x10FFFF) {
      return Kind.NONE;
    }
    if (org.emrkit.record.ValueText.isDirectionControl((int) cp)) {
      return Kind.BIDI;
    }
    if (org.emrkit.record.ValueText.isNoncharacter((int) cp)) {
      return Kind.NONCHARACTER;
    }
    return cp >= 0xD800 && cp <= 0xDFFF ? Kind.SURROGATE : null;
  }

  /** The first {@code max} characters of the text no template text may hold, in order. */
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
      int cp = c;
      if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        cp = text.codePointAt(i);
      }
      Kind k = kind(cp);
      if (k != null) {
        out.add(new Found(line, i - lineStart + 1, cp, k, null));
      } else if (c == '&') {
        Matcher m = REFERENCE.matcher(text).region(i, Math.min(text.length(), i + 14));
        if (m.lookingAt()) {
          String n = m.group(1);
          long ref = n == null ? '\n' : n.charAt(0) == 'x' || n.charAt(0) == 'X'
              ? Long.parseLong(n.substring(1), 16) : Long.parseLong(n);
          Kind rk = ref == '\n' ? Kind.LINE_BREAK : ref == 0 ? Kind.CONTROL : kind(ref);
          if (rk != null) {
            out.add(new Found(line, i - lineStart + 1, ref, rk, m.group()));
          }
        }
      }
      if (cp > 0xFFFF) {
        i++;
      }
    }
    return out;
  }
}

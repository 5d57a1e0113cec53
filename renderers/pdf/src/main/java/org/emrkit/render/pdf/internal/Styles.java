package org.emrkit.render.pdf.internal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import java.awt.Color;
import java.util.List;

/** Font sizes and the mapping of styled text to OpenPDF chunks, with per-character fallback. */
public final class Styles {
  public static final float BODY = 10.5f;
  public static final float SMALL = 8.5f;
  public static final float TITLE = 16f;
  public static final float HEADING = 11.5f;

  private final List<Fonts.Coverage> regularCoverage;
  private final List<Fonts.Coverage> boldCoverage;
  private final List<Fonts.Coverage> all;

  public Styles(List<BaseFont> regular, List<BaseFont> bold) {
    this.regularCoverage = regular.stream().map(Fonts::coverage).toList();
    this.boldCoverage = bold.stream().map(Fonts::coverage).toList();
    java.util.ArrayList<Fonts.Coverage> both = new java.util.ArrayList<>(regularCoverage);
    both.addAll(boldCoverage);
    this.all = List.copyOf(both);
  }

  /** The regular fonts' coverage, then the bold ones'. */
  public List<Fonts.Coverage> allFonts() {
    return all;
  }

  public BaseFont regularBase() {
    return regularCoverage.get(0).font();
  }

  /** Text as a phrase: bold, italic (skewed), superscript, subscript, size, colour. */
  public Phrase phrase(String text, boolean isBold, boolean italic, int script, float size,
      Color color) {
    float s = script == 0 ? size : size * 0.65f;
    // per-character fallback over the font list. OpenPDF's FontSelector would do this, but its
    // constructor re-registers a bundled fallback font (inflating 400 KB) on every call, which
    // made a 1,000-page record take minutes; runs of characters share one chunk.
    List<Fonts.Coverage> fonts = isBold ? boldCoverage : regularCoverage;
    Phrase p = new Phrase("", font(s));
    StringBuilder run = new StringBuilder();
    BaseFont runFont = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      BaseFont f = fontFor(fonts, cp, runFont);
      if (runFont != null && f != runFont) {
        p.add(chunk(run.toString(), new Font(runFont, s, Font.NORMAL, color)));
        run.setLength(0);
      }
      runFont = f;
      run.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    if (runFont != null) {
      p.add(chunk(run.toString(), new Font(runFont, s, Font.NORMAL, color)));
    }
    for (Object o : p.getChunks()) {
      Chunk c = (Chunk) o;
      if (script > 0) {
        c.setTextRise(size * 0.33f);
      } else if (script < 0) {
        c.setTextRise(-size * 0.15f);
      }
      if (italic) {
        c.setSkew(0, 12);
      }
    }
    return p;
  }

  private static BaseFont fontFor(List<Fonts.Coverage> fonts, int cp, BaseFont current) {
    if (Character.isWhitespace(cp) && current != null) {
      return current;
    }
    for (Fonts.Coverage f : fonts) {
      if (f.has(cp)) {
        return f.font();
      }
    }
    Fonts.Coverage symbols = Fonts.symbolsCoverage();
    if (symbols.has(cp)) {
      return symbols.font();
    }
    if (cp > 0xFFFF) {
      java.util.Optional<BaseFont> rare = Fonts.rare().filter(f -> f.charExists(cp));
      if (rare.isPresent()) {
        return rare.get();
      }
    }
    return current != null ? current : fonts.get(fonts.size() - 1).font();
  }

  /** The embedded body font at a size (for chunks that carry no text of their own). */
  public Font font(float size) {
    return new Font(regularCoverage.get(regularCoverage.size() - 1).font(), size, Font.NORMAL,
        Color.BLACK);
  }

  /** A line break in the embedded font (OpenPDF's Chunk.NEWLINE would use a non-embedded one). */
  public Chunk newline() {
    return chunk("\n", font(BODY));
  }

  /** A chunk that breaks lines by the Chinese rules. */
  public static Chunk chunk(String text, Font font) {
    Chunk c = new Chunk(text, font);
    c.setSplitCharacter(ChineseLineBreaks.INSTANCE);
    return c;
  }

  /**
   * The paragraph's chunks with neighbours of the same font and no other attributes joined, so
   * that line breaking sees a value and the punctuation after it together.
   */
  public static List<Chunk> merged(List<?> chunks) {
    List<Chunk> out = new java.util.ArrayList<>();
    for (Object o : chunks) {
      Chunk c = (Chunk) o;
      Chunk last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && plainText(last) && plainText(c)
          && last.getFont().getBaseFont() == c.getFont().getBaseFont()
          && last.getFont().compareTo(c.getFont()) == 0) {
        out.set(out.size() - 1, chunk(last.getContent() + c.getContent(), last.getFont()));
      } else {
        out.add(c);
      }
    }
    return out;
  }

  private static boolean plainText(Chunk c) {
    java.util.Map<String, Object> a = c.getChunkAttributes();
    // a chunk with a line-breaking rule of its own (a date that must not split) stays apart
    return a == null || a.isEmpty()
        || a.size() == 1 && a.get(Chunk.SPLITCHARACTER) == ChineseLineBreaks.INSTANCE;
  }

  public Phrase plain(String text, float size) {
    return phrase(text, false, false, 0, size, Color.BLACK);
  }
}

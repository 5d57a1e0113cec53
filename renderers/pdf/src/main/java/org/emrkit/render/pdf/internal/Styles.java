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

  private final List<Fonts.Face> regular;
  private final List<Fonts.Face> bold;
  private final List<Fonts.Face> all;
  /** The document's font for each face, a subset of what it draws (empty: the whole fonts). */
  private final java.util.Map<Fonts.Face, Subset> subsets;
  /** Which face each of the document's subsets is of. */
  private final java.util.Map<BaseFont, Subset> bySubset = new java.util.IdentityHashMap<>();

  /** A face's font for one document, the face, and the characters it has. */
  private record Subset(BaseFont font, Fonts.Face face, java.util.BitSet chars) {}

  /**
   * Styles drawing text from the whole fonts: {@code regular} and {@code bold} are tried in
   * order, character by character, then the symbol fallback.
   */
  public Styles(List<Fonts.Face> regular, List<Fonts.Face> bold) {
    this(regular, bold, java.util.Map.of());
  }

  private Styles(List<Fonts.Face> regular, List<Fonts.Face> bold,
      java.util.Map<Fonts.Face, Subset> subsets) {
    this.regular = List.copyOf(regular);
    this.bold = List.copyOf(bold);
    java.util.ArrayList<Fonts.Face> both = new java.util.ArrayList<>(regular);
    both.addAll(bold);
    this.all = List.copyOf(both);
    this.subsets = subsets;
    subsets.values().forEach(x -> bySubset.put(x.font(), x));
  }

  /** The regular fonts, then the bold ones. */
  public List<Fonts.Face> allFonts() {
    return all;
  }

  /**
   * These styles for one document that draws {@code glyphs}: each face that draws some of them
   * as a subset of its own with those glyphs alone, renumbered. A character the subset lacks
   * (found by the layout but not by the check: none in the bundled records, which a test
   * holds) is drawn from the whole font, in the same place; the file then carries both.
   */
  public Styles forDocument(Glyphs glyphs) {
    java.util.Map<Fonts.Face, java.util.BitSet> need = new java.util.IdentityHashMap<>();
    assign(glyphs.regular, regular, need);
    assign(glyphs.bold, bold, need);
    // empty paragraphs, blanks and line breaks are set in the last regular face
    need.computeIfAbsent(regular.get(regular.size() - 1), f -> new java.util.BitSet());
    // a space goes in whatever font the text around it is in: every subset has the document's
    java.util.BitSet spaces = new java.util.BitSet();
    for (java.util.BitSet chars : List.of(glyphs.regular, glyphs.bold)) {
      for (int cp = chars.nextSetBit(0); cp >= 0; cp = chars.nextSetBit(cp + 1)) {
        if (Character.isWhitespace(cp)) {
          spaces.set(cp);
        }
      }
    }
    for (int cp : Fonts.ALWAYS) {
      spaces.set(cp);
    }
    java.util.Map<Fonts.Face, Subset> made = new java.util.IdentityHashMap<>();
    need.forEach((face, chars) -> {
      if (face.subsets()) {
        for (int cp = spaces.nextSetBit(0); cp >= 0; cp = spaces.nextSetBit(cp + 1)) {
          if (face.has(cp)) {
            chars.set(cp);
          }
        }
        made.put(face, new Subset(face.subset(chars), face, chars));
      }
    });
    return new Styles(regular, bold, made);
  }

  /** Each character of {@code chars} to the face that draws it from {@code faces}. */
  private static void assign(java.util.BitSet chars, List<Fonts.Face> faces,
      java.util.Map<Fonts.Face, java.util.BitSet> need) {
    for (int cp = chars.nextSetBit(0); cp >= 0; cp = chars.nextSetBit(cp + 1)) {
      Fonts.Face face = Fonts.faceFor(faces, cp);
      if (face != null) {
        need.computeIfAbsent(face, f -> new java.util.BitSet()).set(cp);
      }
    }
  }

  /** The font {@code face} draws {@code cp} with in this document. */
  private BaseFont drawn(Fonts.Face face, int cp) {
    Subset s = subsets.get(face);
    return s != null && cp <= 0xFFFF && s.chars().get(cp) ? s.font() : face.whole();
  }

  /** Text as a phrase: bold, italic (skewed), superscript, subscript, size, colour. */
  public Phrase phrase(String text, boolean isBold, boolean italic, int script, float size,
      Color color) {
    float s = script == 0 ? size : size * 0.65f;
    // per-character fallback over the font list. OpenPDF's FontSelector would do this, but its
    // constructor re-registers a bundled fallback font (inflating 400 KB) on every call, which
    // made a 1,000-page record take minutes; runs of characters share one chunk.
    List<Fonts.Face> fonts = isBold ? bold : regular;
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

  private BaseFont fontFor(List<Fonts.Face> fonts, int cp, BaseFont current) {
    if (Character.isWhitespace(cp) && current != null) {
      // in the font of the text around it, when that font has it (a subset that lacks it where
      // its face has it gives way to the whole face); else in the first font that has it, like
      // any other character (an ideographic space after ☑ in DejaVu Sans was dropped)
      Subset s = bySubset.get(current);
      if (s != null ? s.chars().get(cp) : current.charExists(cp)) {
        return current;
      }
      if (s != null && s.face().has(cp)) {
        return s.face().whole();
      }
    }
    Fonts.Face face = Fonts.faceFor(fonts, cp);
    if (face != null) {
      return drawn(face, cp);
    }
    if (cp > 0xFFFF) {
      java.util.Optional<BaseFont> rare = Fonts.rare().filter(f -> f.charExists(cp));
      if (rare.isPresent()) {
        return rare.get();
      }
    }
    return current != null ? current : body();
  }

  /** The font of text with no font of its own: the last regular face's. */
  private BaseFont body() {
    Fonts.Face last = regular.get(regular.size() - 1);
    Subset s = subsets.get(last);
    return s != null ? s.font() : last.whole();
  }

  /** The embedded body font at a size (for chunks that carry no text of their own). */
  public Font font(float size) {
    return new Font(body(), size, Font.NORMAL, Color.BLACK);
  }

  /** A line break in the embedded font (OpenPDF's Chunk.NEWLINE would use a non-embedded one). */
  public Chunk newline() {
    return newline(BODY);
  }

  /**
   * A line break at the size of the text around it, so that it joins that text's chunk (a
   * paragraph of many chunks costs OpenPDF time growing with the square of their number: it
   * removes each chunk it has laid out from the front of a list).
   */
  public Chunk newline(float size) {
    return chunk("\n", font(size));
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

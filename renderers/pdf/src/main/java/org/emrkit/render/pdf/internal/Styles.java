package org.emrkit.render.pdf.internal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import java.awt.Color;
import java.util.List;

/** Font sizes and the mapping of styled text to OpenPDF chunks, with per-character fallback. */
public final class Styles {
  public static final float BODY = 10.5f;
  public static final float SMALL = 8.5f;
  public static final float TITLE = 16f;
  public static final float HEADING = 11.5f;

  private final List<BaseFont> regular;
  private final List<BaseFont> bold;

  public Styles(List<BaseFont> regular, List<BaseFont> bold) {
    this.regular = List.copyOf(regular);
    this.bold = List.copyOf(bold);
  }

  public List<BaseFont> allFonts() {
    java.util.ArrayList<BaseFont> all = new java.util.ArrayList<>(regular);
    all.addAll(bold);
    return all;
  }

  public BaseFont regularBase() {
    return regular.get(0);
  }

  /** Text as a phrase: bold, italic (skewed), superscript, subscript, size, colour. */
  public Phrase phrase(String text, boolean isBold, boolean italic, int script, float size,
      Color color) {
    FontSelector selector = new FontSelector();
    float s = script == 0 ? size : size * 0.65f;
    for (BaseFont b : isBold ? bold : regular) {
      selector.addFont(new Font(b, s, Font.NORMAL, color));
    }
    Phrase p = selector.process(text);
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

  public Phrase plain(String text, float size) {
    return phrase(text, false, false, 0, size, Color.BLACK);
  }
}

package org.emrkit.render.pdf.internal;

import java.util.BitSet;

/**
 * The characters of the basic plane a document draws, in regular and in bold type, found by the
 * font check before the document is laid out: what each face's subset for it holds
 * ({@link Styles#forDocument}). Characters outside the basic plane are drawn from whole fonts.
 */
public final class Glyphs {

  /** What every document may draw besides its text: page numbers and counts. */
  private static final String PAGE_NUMBERS = "0123456789";

  final BitSet regular = new BitSet();
  final BitSet bold = new BitSet();

  public Glyphs() {
    add(PAGE_NUMBERS, false);
  }

  /** Adds the characters of {@code text} ({@code null}: none), in bold type or regular. */
  public void add(String text, boolean isBold) {
    if (text == null) {
      return;
    }
    BitSet to = isBold ? bold : regular;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isSurrogate(c)) {
        to.set(c);
      }
    }
  }
}

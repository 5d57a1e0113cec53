package org.emrkit.render.pdf.internal;

import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/** A line may break only after this one character (a date at its space, a banner between items). */
final class BreakAfter extends DefaultSplitCharacter {
  private final char at;

  BreakAfter(char at) {
    this.at = at;
  }

  @Override
  public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
    return getCurrentCharacter(current, cc, ck) == at;
  }
}

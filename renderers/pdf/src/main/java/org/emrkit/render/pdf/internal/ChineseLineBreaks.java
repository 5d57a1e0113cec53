package org.emrkit.render.pdf.internal;

import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Where a line may break, following the Chinese line-breaking rules (GB/T 15834 punctuation,
 * 禁则): no line starts with a closing or pausing mark (，。、；：？！）」》 and their kin) and no
 * line ends with an opening mark (（「《 and their kin). OpenPDF asks after every character whether
 * a break may follow it; this refuses after an opening mark and before a closing one, and
 * otherwise defers to OpenPDF's rule (break after spaces and CJK characters). The refused break
 * carries the preceding character to the next line with the mark (push-out).
 *
 * <p>OpenPDF asks only within one chunk; {@link PdfBlocks} merges neighbouring chunks of the same
 * font so that a value and the punctuation after it are one chunk.
 */
public final class ChineseLineBreaks extends DefaultSplitCharacter {
  /** Characters no line may start with. */
  public static final String NO_LINE_START =
      "，。、；：？！）」》』】〕〉”’…·—～％,.;:?!)]}%";
  /** Characters no line may end with. */
  public static final String NO_LINE_END = "（「《『【〔〈“‘([{";

  public static final ChineseLineBreaks INSTANCE = new ChineseLineBreaks();

  private ChineseLineBreaks() {}

  @Override
  public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
    char c = getCurrentCharacter(current, cc, ck);
    if (NO_LINE_END.indexOf(c) >= 0) {
      return false;
    }
    if (current + 1 < end && NO_LINE_START.indexOf(getCurrentCharacter(current + 1, cc, ck)) >= 0) {
      return false;
    }
    return super.isSplitCharacter(start, current, end, cc, ck);
  }
}

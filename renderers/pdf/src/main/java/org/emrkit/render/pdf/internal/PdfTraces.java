package org.emrkit.render.pdf.internal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Phrase;
import java.awt.Color;
import org.emrkit.render.TracedText;

/**
 * A field's 痕迹 in the PDF: struck in red, put in underlined in blue, who and when after it in
 * small grey type. (The 修改记录 page is ordinary content the walk writes.)
 */
final class PdfTraces {

  private static final Color STRUCK = new Color(0xCC, 0, 0);
  private static final Color INSERTED = new Color(0, 0, 0xCC);
  private static final Color NOTE = new Color(0x55, 0x55, 0x55);

  private PdfTraces() {}

  /** A traced field's text, marked, with its note. */
  static Phrase inline(Styles styles, TracedText t) {
    Phrase out = new Phrase("", styles.font(Styles.BODY));
    for (int i = 0; i < t.pieces().size(); i++) {
      TracedText.Piece p = t.pieces().get(i);
      Color color = switch (p.mark()) {
        case KEPT -> Color.BLACK;
        case STRUCK -> STRUCK;
        case INSERTED -> INSERTED;
      };
      Phrase piece = styles.phrase(org.emrkit.record.ValueText.printable(p.text()), false,
          false, 0, Styles.BODY, color);
      for (Object o : piece.getChunks()) {
        Chunk c = (Chunk) o;
        if (p.mark() == TracedText.Mark.STRUCK) {
          c.setUnderline(STRUCK, 0.7f, 0, Styles.BODY * 0.3f, 0, 0);
        } else if (p.mark() == TracedText.Mark.INSERTED) {
          c.setUnderline(INSERTED, 0.6f, 0, -1.8f, 0, 0);
        }
      }
      out.add(piece);
      String step = t.markAfter(i);
      if (!step.isEmpty()) { // which amendment: the note after the field names them in order
        out.add(styles.phrase(step, false, false, 1, Styles.BODY, NOTE));
      }
    }
    out.add(styles.phrase("〔" + t.note() + "〕", false, false, 0, Styles.SMALL, NOTE));
    return out;
  }
}

package org.emrkit.render.pdf.internal;

import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;

/**
 * Marks where a row of a top-level repeating table lies, from its first cell as OpenPDF draws
 * it: the row (a unit of its own) starts at the top of its first piece and ends at the bottom of
 * its last (a row split across pages is drawn once per page).
 */
final class RowMark implements PdfPCellEvent {

  private final String entry;
  private final Flow flow;

  RowMark(String entry, Flow flow) {
    this.entry = entry;
    this.flow = flow;
  }

  @Override
  public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
    flow.marks().start(entry, new Marks.Boundary(flow.page(), position.getTop(), flow.unit()));
    flow.marks().end(entry, new Marks.Boundary(flow.page(), position.getBottom(),
        flow.unit() + 1));
  }
}

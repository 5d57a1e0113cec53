package org.emrkit.render.pdf.internal;

import java.util.List;

/**
 * What a running page area (header or footer) holds, kept so that it can be drawn on every page
 * with that page's number: lines of text pieces, and tables of them.
 */
public sealed interface AreaBlock permits AreaBlock.Line, AreaBlock.Grid {

  /** A line of text, page number and page count pieces. @param pieces the pieces */
  record Line(List<PageEvents.Piece> pieces) implements AreaBlock {}

  /**
   * A table.
   *
   * @param widths relative column widths
   * @param headerRows header rows (drawn shaded)
   * @param cells the cells in reading order, as {@code PdfPTable} places them
   */
  record Grid(float[] widths, int headerRows, List<GridCell> cells) implements AreaBlock {}

  /**
   * A cell of a table in a page area.
   *
   * @param rowSpan rows spanned
   * @param colSpan columns spanned
   * @param header whether it lies in a header row
   * @param content its lines and nested tables
   */
  record GridCell(int rowSpan, int colSpan, boolean header, List<AreaBlock> content) {}
}

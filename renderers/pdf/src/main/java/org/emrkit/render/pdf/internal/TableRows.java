package org.emrkit.render.pdf.internal;

import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPRow;
import com.lowagie.text.pdf.PdfPTable;
import java.util.ArrayList;
import java.util.List;
import org.emrkit.problem.Message;
import org.emrkit.render.RenderException;
import org.emrkit.template.Table;

/**
 * A table's body rows in runs: rows a merged cell joins into one block, a row holding a nested
 * table, and the plain rows between. OpenPDF splits a block of joined rows at any row, and
 * then prints the merged cell's text after the text of the rows beside it; it loses or repeats
 * text of a merged cell or a nested table in a row it must split because the row is taller
 * than a page (found by the conformance test's random records: seeds 1125, 1137, 1238 and
 * 4194269277377816695). So joined rows are kept on one page, and rows that cannot be kept on
 * one page are refused.
 */
final class TableRows {

  /**
   * One run of body rows, {@code from} inclusive to {@code to} exclusive.
   *
   * @param kept rows joined by a merged cell, or a row holding a nested table: not to be split
   * @param tall one plain row taller than a page: printed in pieces ({@link TallRows})
   */
  record Run(int from, int to, boolean kept, boolean tall) {}

  private TableRows() {}

  /**
   * The table's body rows in runs, in order; every body row is in exactly one run. A plain row
   * taller than {@code room} (with the table's width set) is a run of its own.
   */
  static List<Run> runs(PdfPTable t, float room) {
    List<Run> out = new ArrayList<>();
    for (Run r : runs(t)) {
      if (r.kept()) {
        out.add(r);
        continue;
      }
      int plain = r.from();
      for (int k = r.from(); k < r.to(); k++) {
        if (t.getRowHeight(k) > room) {
          if (plain < k) {
            out.add(new Run(plain, k, false, false));
          }
          out.add(new Run(k, k + 1, false, true));
          plain = k + 1;
        }
      }
      if (plain < r.to()) {
        out.add(new Run(plain, r.to(), false, false));
      }
    }
    return out;
  }

  /** The table's body rows in runs, in order; every body row is in exactly one run. */
  static List<Run> runs(PdfPTable t) {
    List<PdfPRow> rows = t.getRows();
    List<Run> out = new ArrayList<>();
    int plain = t.getHeaderRows();
    int i = plain;
    while (i < rows.size()) {
      int end = i + 1;
      boolean nested = false;
      for (int k = i; k < end; k++) {
        for (PdfPCell c : rows.get(k).getCells()) {
          if (c != null) {
            end = Math.max(end, Math.min(rows.size(), k + c.getRowspan()));
            nested |= holdsTable(c);
          }
        }
      }
      if (nested || end - i > 1) {
        if (plain < i) {
          out.add(new Run(plain, i, false, false));
        }
        out.add(new Run(i, end, true, false));
        plain = end;
      }
      i = end;
    }
    if (plain < rows.size()) {
      out.add(new Run(plain, rows.size(), false, false));
    }
    return out;
  }

  /** A table of the header rows and {@code rows}, laid out like {@code t}. */
  static PdfPTable piece(PdfPTable t, List<PdfPRow> rows) {
    PdfPTable p = PdfPTable.shallowCopy(t);
    p.getRows().addAll(t.getRows().subList(0, t.getHeaderRows()));
    p.getRows().addAll(rows);
    p.setComplete(true);
    return p;
  }

  /** The height of a run's rows, once the table's width is set. */
  static float height(PdfPTable t, Run r) {
    float h = 0;
    for (int k = r.from(); k < r.to(); k++) {
      h += t.getRowHeight(k);
    }
    return h;
  }

  /** A table of the header rows and one run's rows, laid out like {@code t}. */
  static PdfPTable piece(PdfPTable t, Run r) {
    PdfPTable p = PdfPTable.shallowCopy(t);
    p.getRows().addAll(t.getRows().subList(0, t.getHeaderRows()));
    p.getRows().addAll(t.getRows().subList(r.from(), r.to()));
    p.setComplete(true);
    return p;
  }

  /**
   * The table's column widths in points on a line {@code width} wide ({@link
   * org.emrkit.render.ColumnWidths}): the template's proportions, with every column at least one
   * character and its padding wide (a narrower column cannot hold text: OpenPDF would lose what
   * it cannot place) and its short labels on one line where the width allows.
   */
  static float[] widths(Table t, float width, float padding) {
    float size = size(t, Styles.BODY);
    float min = size + 2 * padding;
    int n = t.columns();
    if (width < n * min) {
      String id = t.id() == null ? "" : " " + t.id();
      throw new RenderException("render/too-narrow", "", Message.of(
          "表格" + id + "有 " + n + " 列，打印宽度只有 " + Math.round(width * 25.4f / 72) + " 毫米，"
              + "每列至少需要一个字宽；请减少列数或嵌套层数",
          "table" + id + " has " + n + " columns in " + Math.round(width * 25.4f / 72) + " mm of paper;"
              + " each column needs at least one character: use fewer columns or less nesting"),
          null);
    }
    double[] w = org.emrkit.render.ColumnWidths.of(t, width, size, 2 * padding);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) w[i];
    }
    return out;
  }

  /** The table's text size in points: its own, or {@code outer}'s. */
  static float size(Table t, float outer) {
    return t.style().fontSize() == null ? outer : t.style().fontSize().floatValue();
  }

  /**
   * A cell of the table as it prints: padding, lines (none in a borderless table), a header
   * cell shaded and centred as ward sheets print, a body cell aligned as its column, the
   * content, its row's mark.
   */
  static PdfPCell cell(org.emrkit.render.CellView c, List<com.lowagie.text.Element> content,
      float padding) {
    PdfPCell cell = new PdfPCell();
    org.emrkit.template.TableStyle style = c.table().style();
    boolean repeated = c.table().repeating() && c.cell().row() == c.table().rows() - 1;
    cell.setRowspan(repeated ? 1 : c.cell().rowSpan());
    cell.setColspan(c.cell().colSpan());
    cell.setPadding(padding);
    if (style.borderless()) {
      cell.setBorder(com.lowagie.text.Rectangle.NO_BORDER);
    } else {
      cell.setBorderWidth(0.5f);
    }
    if (c.header()) {
      if (!style.borderless()) {
        cell.setBackgroundColor(new java.awt.Color(245, 245, 245));
      }
      cell.setVerticalAlignment(com.lowagie.text.Element.ALIGN_MIDDLE);
    }
    int align = c.header() ? com.lowagie.text.Element.ALIGN_CENTER
        : switch (style.align(c.cell().column())) {
          case CENTER -> com.lowagie.text.Element.ALIGN_CENTER;
          case RIGHT -> com.lowagie.text.Element.ALIGN_RIGHT;
          case LEFT -> com.lowagie.text.Element.ALIGN_LEFT;
        };
    for (com.lowagie.text.Element e : content) {
      if (e instanceof com.lowagie.text.Paragraph p) {
        p.setSpacingAfter(0);
        p.setAlignment(align);
      }
      cell.addElement(e);
    }
    return cell;
  }

  private static boolean holdsTable(PdfPCell c) {
    if (c.getTable() != null) {
      return true;
    }
    List<?> content = c.getCompositeElements();
    return content != null && content.stream().anyMatch(PdfPTable.class::isInstance);
  }
}

package org.emrkit.render.docx;

import java.math.BigInteger;
import org.emrkit.dsl.TemplateDecompiler;
import org.emrkit.template.Cell;
import org.emrkit.template.Table;
import org.emrkit.template.TableStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * A template table as Word writes it: width, fixed layout, lines (none in a borderless table),
 * the form's caption carrying the DSL attributes and alignment, the grid, cells with their
 * spans, header shading, and after a cell is written its alignment, text size and bold header.
 */
final class WordTables {
  private WordTables() {}

  /** Writes the table's properties and grid into {@code tbl}; its column widths in twips. */
  static int[] start(CTTbl tbl, Table t, int width, boolean form) {
    CTTblPr pr = tbl.addNewTblPr();
    CTTblWidth w = pr.addNewTblW();
    w.setType(STTblWidth.DXA);
    w.setW(BigInteger.valueOf(width));
    pr.addNewTblLayout().setType(STTblLayoutType.FIXED);
    CTTblBorders borders = pr.addNewTblBorders();
    for (CTBorder b : new CTBorder[] {borders.addNewTop(), borders.addNewLeft(),
        borders.addNewBottom(), borders.addNewRight(), borders.addNewInsideH(),
        borders.addNewInsideV()}) {
      if (t.style().borderless()) {
        b.setVal(STBorder.NONE);
        continue;
      }
      b.setVal(STBorder.SINGLE);
      b.setSz(BigInteger.valueOf(4));
      b.setColor("000000");
    }
    if (form) {
      pr.addNewTblCaption().setVal(caption(t));
    }
    // a view: widths as on paper (Word's default cell margins are 108 twips a side; a half
    // point is 10 twips); a form keeps the template's proportions, which its import reads back
    double sum = t.widths().stream().mapToDouble(Double::doubleValue).sum();
    double points = t.style().fontSize() == null ? WordRuns.BODY_HALF_POINTS / 2.0
        : t.style().fontSize();
    double[] colWidths = form ? t.widths().stream().mapToDouble(x -> width * x / sum).toArray()
        : org.emrkit.render.ColumnWidths.of(t, width, points * 20, 2 * 108 + 20);
    int[] cols = new int[t.columns()];
    CTTblGrid grid = tbl.addNewTblGrid();
    for (int c = 0; c < cols.length; c++) {
      cols[c] = (int) Math.round(colWidths[c]);
      grid.addNewGridCol().setW(BigInteger.valueOf(cols[c]));
    }
    return cols;
  }

  /** The form's caption: the attribute line, and the delimiter row when columns are aligned. */
  private static String caption(Table t) {
    String attrs = TemplateDecompiler.tableAttributes(t, true);
    if (t.style().align().isEmpty()) {
      return attrs;
    }
    return (attrs.isEmpty() ? "{:}" : attrs) + " " + TemplateDecompiler.delimiterRow(t).strip();
  }

  /** A cell in {@code row}: its width over the columns it spans, merge marks, header shading. */
  static CTTc tc(CTRow row, int[] cols, Table table, Cell cell, boolean anchor, boolean header) {
    int span = cell.colSpan();
    int width = 0;
    for (int k = cell.column(); k < cell.column() + span; k++) {
      width += cols[k];
    }
    CTTc tc = row.addNewTc();
    CTTcPr pr = tc.addNewTcPr();
    CTTblWidth w = pr.addNewTcW();
    w.setType(STTblWidth.DXA);
    w.setW(BigInteger.valueOf(width));
    if (span > 1) {
      pr.addNewGridSpan().setVal(BigInteger.valueOf(span));
    }
    boolean repeated = table.repeating() && cell.row() == table.rows() - 1;
    if (cell.rowSpan() > 1 && !repeated) {
      pr.addNewVMerge().setVal(anchor ? STMerge.RESTART : STMerge.CONTINUE);
    }
    if (header && !table.style().borderless()) {
      CTShd shd = pr.addNewShd();
      shd.setVal(STShd.CLEAR);
      shd.setColor("auto");
      shd.setFill("F5F5F5");
    }
    return tc;
  }

  /**
   * A written cell's paragraphs: a header cell centred (as ward sheets print) and bold when
   * the table asks (not in a form, whose import would read it as bold text), a body cell
   * aligned as its column, every run in the table's text size.
   */
  static void finish(CTTc tc, Table t, Cell cell, boolean header, boolean form) {
    TableStyle style = t.style();
    boolean bold = header && style.boldHeader() && !form;
    STJc.Enum jc = header ? STJc.CENTER : switch (style.align(cell.column())) {
      case CENTER -> STJc.CENTER;
      case RIGHT -> STJc.RIGHT;
      case LEFT -> null;
    };
    for (CTP p : tc.getPList()) {
      if (jc != null) {
        var ppr = p.isSetPPr() ? p.getPPr() : p.addNewPPr();
        (ppr.isSetJc() ? ppr.getJc() : ppr.addNewJc()).setVal(jc);
      }
      if (style.fontSize() != null || bold) {
        for (CTR r : p.getRList()) {
          run(r, style, bold);
        }
        for (CTSdtRun sdt : p.getSdtList()) {
          if (sdt.isSetSdtContent()) {
            for (CTR r : sdt.getSdtContent().getRList()) {
              run(r, style, bold);
            }
          }
        }
      }
    }
  }

  private static void run(CTR r, TableStyle style, boolean bold) {
    CTRPr pr = r.isSetRPr() ? r.getRPr() : r.addNewRPr();
    if (style.fontSize() != null) {
      BigInteger half = BigInteger.valueOf(Math.round(style.fontSize() * 2));
      (pr.sizeOfSzArray() > 0 ? pr.getSzArray(0) : pr.addNewSz()).setVal(half);
      (pr.sizeOfSzCsArray() > 0 ? pr.getSzCsArray(0) : pr.addNewSzCs()).setVal(half);
    }
    if (bold && pr.sizeOfBArray() == 0) {
      pr.addNewB();
    }
  }
}

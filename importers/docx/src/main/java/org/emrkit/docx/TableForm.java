package org.emrkit.docx;

import static org.emrkit.docx.WordXml.W;
import static org.emrkit.docx.WordXml.child;
import static org.emrkit.docx.WordXml.collectCells;
import static org.emrkit.docx.WordXml.collectRows;
import static org.emrkit.docx.WordXml.gridSkip;
import static org.emrkit.docx.WordXml.on;
import static org.emrkit.docx.WordXml.val;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrkit.dsl.Fragments;
import org.emrkit.render.Labels;
import org.emrkit.template.Block;
import org.emrkit.template.Cell;
import org.emrkit.template.Table;
import org.emrkit.template.TemplateLimits;
import org.w3c.dom.Element;

/**
 * Reads one Word table of a form into a table of the template: its grid widths, header rows
 * ({@code w:tblHeader}), horizontal ({@code w:gridSpan}) and vertical ({@code w:vMerge})
 * merges, the attributes its caption carries, and each cell's content through the form reader.
 * One per table.
 */
final class TableForm {

  /** An anchored cell while the grid is read. */
  private static final class Slot {
    final int row;
    final int column;
    int rowSpan = 1;
    final int colSpan;
    final List<Block> content;

    Slot(int row, int column, int colSpan, List<Block> content) {
      this.row = row;
      this.column = column;
      this.colSpan = colSpan;
      this.content = content;
    }
  }

  private final FormReader reader;
  private final List<Slot> slots = new ArrayList<>();
  private final Map<Integer, Slot[]> byRow = new LinkedHashMap<>();
  /** The text of the header cells over each column, for the labels of the controls below. */
  private final Map<Integer, String> headers = new HashMap<>();
  private String name;
  private int headerRows;
  private boolean headerDone;
  private int columns;

  TableForm(FormReader reader) {
    this.reader = reader;
  }

  Table table(Element tbl) {
    reader.tables++;
    String outerWhere = reader.where;
    name = "table " + reader.tables;
    List<Double> widths = new ArrayList<>();
    for (Element g : WordXml.elements(child(tbl, "tblGrid"), "gridCol")) {
      String w = g.getAttributeNS(W, "w");
      widths.add(w.matches("\\d{1,7}") && Integer.parseInt(w) > 0 ? Double.parseDouble(w) : 1.0);
    }
    Fragments.TableAttributes attrs = caption(val(child(child(tbl, "tblPr"), "tblCaption")));
    boolean repeating = attrs != null && attrs.repeat();
    List<Element> rows = new ArrayList<>();
    collectRows(tbl, rows);
    columns = widths.size();
    if (repeating) {
      reader.names.peek().add(attrs.id());
    }
    for (int r = 0; r < rows.size(); r++) {
      boolean template = repeating && r == rows.size() - 1;
      if (template) {
        reader.names.push(new HashSet<>());
      }
      row(rows.get(r), r);
      if (template) {
        reader.names.pop();
      }
    }
    reader.where = outerWhere;
    if (rows.isEmpty() || columns == 0) {
      reader.findings.warn(name, "docx/empty-table", "空表格已略去", "an empty table was left out");
      return null;
    }
    fillShortRows(rows.size());
    while (widths.size() < columns) {
      widths.add(widths.isEmpty() ? 1.0 : widths.get(widths.size() - 1));
    }
    List<Double> ws = attrs != null && attrs.widths() != null
        && attrs.widths().size() == columns ? attrs.widths()
        : percentages(widths.subList(0, columns));
    return build(attrs, rows.size(), ws);
  }

  /** The attributes a caption written {@code {: ...}} carries, or {@code null}. */
  private Fragments.TableAttributes caption(String caption) {
    if (caption == null || !caption.startsWith("{:")) {
      return null;
    }
    try {
      return reader.dsl.tableAttributes(caption);
    } catch (Dsl.Failure f) {
      reader.findings.error(name, "docx/tag", "表格属性“" + caption + "”无效：" + f.zh,
          "table attributes \"" + caption + "\" are invalid: " + f.en);
      return null;
    }
  }

  /** One row: its header flag, and each cell, anchored or continuing a vertical merge. */
  private void row(Element tr, int r) {
    Element trPr = child(tr, "trPr");
    if (!headerDone && child(trPr, "tblHeader") != null && on(child(trPr, "tblHeader"))) {
      headerRows++;
    } else {
      headerDone = true;
    }
    int c = gridSkip(trPr, "gridBefore");
    List<Element> tcs = new ArrayList<>();
    collectCells(tr, tcs);
    Slot[] line = new Slot[Math.max(columns, 1) + 64];
    for (int k = 0; k < tcs.size(); k++) {
      Element tcPr = child(tcs.get(k), "tcPr");
      String spanText = val(child(tcPr, "gridSpan"));
      int span = spanText != null && spanText.matches("\\d{1,3}") ? Math.max(1,
          Integer.parseInt(spanText)) : 1;
      reader.where = name + ", row " + (r + 1) + ", cell " + (k + 1);
      if (c + span > TemplateLimits.MAX_COLUMNS || c + span > line.length) {
        reader.findings.error(name, "docx/too-wide", "表格列数过多",
            "the table has too many columns");
        break;
      }
      cell(tcs.get(k), child(tcPr, "vMerge"), r, c, span, line);
      c += span;
    }
    columns = Math.max(columns, c);
    byRow.put(r, line);
  }

  private void cell(Element tc, Element vMerge, int r, int c, int span, Slot[] line) {
    String outerCell = reader.cellWhere;
    String outerLabel = reader.cellLabel;
    reader.cellWhere = reader.where;
    reader.cellLabel = headerDone ? headers.get(c) : null;
    String merge = vMerge == null ? null : vMerge.getAttributeNS(W, "val");
    Slot above = r > 0 && byRow.get(r - 1) != null ? byRow.get(r - 1)[c] : null;
    if (vMerge != null && !"restart".equals(merge) && above != null && above.column == c
        && above.colSpan == span) {
      above.rowSpan++;
      for (int x = c; x < c + span; x++) {
        line[x] = above;
      }
    } else {
      if (vMerge != null && !"restart".equals(merge)) {
        reader.findings.warn(reader.where, "docx/merge", "纵向合并的单元格上方没有对应单元格，按独立单元格导入",
            "a vertically merged cell has no matching cell above; imported as a cell of its own");
      }
      Slot s = new Slot(r, c, span, reader.inside(tc, false));
      slots.add(s);
      String text = headerDone ? null : Labels.plainText(s.content);
      for (int x = c; x < c + span; x++) {
        line[x] = s;
        if (text != null) {
          headers.merge(x, text, (a, b) -> a + " " + b);
        }
      }
    }
    reader.cellWhere = outerCell;
    reader.cellLabel = outerLabel;
  }

  /** Fills the gaps of rows with fewer cells than the table has columns. */
  private void fillShortRows(int rows) {
    for (int r = 0; r < rows; r++) {
      Slot[] line = byRow.get(r);
      for (int c = 0; c < columns; c++) {
        if (line[c] == null) {
          Slot s = new Slot(r, c, 1, List.of());
          slots.add(s);
          line[c] = s;
          reader.findings.warn(name + ", row " + (r + 1), "docx/short-row",
              "该行单元格少于表格列数，已补空单元格",
              "the row has fewer cells than the table has columns; empty cells were added");
        }
      }
    }
  }

  private Table build(Fragments.TableAttributes attrs, int rows, List<Double> widths) {
    boolean repeating = attrs != null && attrs.repeat();
    List<Cell> cells = new ArrayList<>();
    for (Slot s : slots) {
      cells.add(new Cell(s.row, s.column, s.rowSpan, s.colSpan, s.content));
    }
    String id = attrs != null ? attrs.id() : null;
    if (id == null && reader.depth > 1) {
      id = "table-" + reader.tables;
    }
    if (id != null && !repeating && !reader.tableIds.add(id)) {
      id = FormReader.unique(id, reader.tableIds);
    }
    int minRows = repeating ? attrs.minRows() : 0;
    Integer maxRows = repeating ? attrs.maxRows() : null;
    org.emrkit.template.TableStyle style = attrs == null ? null : attrs.style();
    if (style != null && style.align().size() != columns) {
      style = style.withAlign(List.of());
    }
    try {
      return new Table(id, rows, columns, widths, headerRows, repeating, minRows, maxRows, cells,
          style);
    } catch (IllegalArgumentException ex) {
      if (headerRows > 0) {
        reader.findings.warn(name, "docx/header-rows", "标题行设置无效，已取消：" + ex.getMessage(),
            "the header rows are not valid and were dropped: " + ex.getMessage());
        try {
          return new Table(id, rows, columns, widths, 0, repeating, minRows, maxRows, cells,
              style);
        } catch (IllegalArgumentException again) {
          ex = again;
        }
      }
      reader.findings.error(name, "docx/table", "表格无法导入：" + ex.getMessage(),
          "the table cannot be imported: " + ex.getMessage());
      return null;
    }
  }

  /** Column widths as percentages, or all 1.0 (equal columns) when they are about equal. */
  private static List<Double> percentages(List<Double> twips) {
    double sum = twips.stream().mapToDouble(Double::doubleValue).sum();
    double min = twips.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = twips.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    if (max - min <= 0.01 * sum / twips.size() + 1) {
      return Collections.nCopies(twips.size(), 1.0);
    }
    List<Double> out = new ArrayList<>();
    for (double w : twips) {
      out.add(Math.max(0.1, Math.round(w / sum * 1000) / 10.0));
    }
    return out;
  }
}

package org.emrkit.dsl.internal;

import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;
import org.emrkit.template.Block;
import org.emrkit.template.Cell;
import org.emrkit.template.Table;
import org.emrkit.template.TableStyle;
import org.emrkit.template.TemplateLimits;

/**
 * Turns a GFM pipe table (and its {@code {: ...}} attribute line) into a model {@link Table}:
 * header rows above the delimiter row, merge markers {@code <} (into the cell on the left) and
 * {@code ^} (into the cell above) that must make rectangles, column widths, repeating row
 * template. Named tables are placed where {@code {{> id}}} refers to them, once each.
 */
final class TableReader implements InlineReader.TablePlacer {

  private final BuildState state;

  TableReader(BuildState state) {
    this.state = state;
  }

  @Override
  public Table place(FieldParser.TableRef ref) {
    BuildState.NamedTable named = state.namedTables.get(ref.id());
    if (named == null) {
      state.problems.error(ref.offset(), "dsl/unknown-table", "未定义的表格 " + ref.id()
          + "(用 ::: table #" + ref.id() + " 定义)", "table " + ref.id()
          + " is not defined (define it with ::: table #" + ref.id() + ")");
      return null;
    }
    if (named.state == 1) {
      state.problems.error(ref.offset(), "dsl/table-cycle", "表格 " + ref.id() + " 引用了自身(循环嵌套)",
          "table " + ref.id() + " contains itself (a cycle of nested tables)");
      return null;
    }
    if (named.state == 2) {
      state.problems.error(ref.offset(), "dsl/table-used-twice", "表格 " + ref.id()
          + " 已在别处使用，每个命名表格只能放置一次", "table " + ref.id()
          + " is already placed elsewhere; a named table is placed once");
      return null;
    }
    named.state = 1;
    Table t = read(named.table, named.attributes, ref.id(), named.offset);
    named.state = 2;
    return t;
  }

  /** Reads a table; {@code namedId} is the id of a named table (or null). Null after problems. */
  Table read(TableBlock block, TableAttributesBlock attributes, String namedId, int idOffset) {
    int at = block.getStartOffset();
    Heads.TableHead attrs = attributes == null ? new Heads.TableHead() : attributes(attributes);
    if (attrs == null) {
      return null;
    }
    if (namedId != null) {
      if (attrs.id != null && !attrs.id.equals(namedId)) {
        state.problems.error(attrs.idOffset, "dsl/table-attributes", "表格属性中的 id 与命名表格 "
            + namedId + " 不一致", "the id in the attribute line differs from the named table "
            + namedId);
        return null;
      }
      attrs.id = namedId;
      attrs.idOffset = idOffset;
    }
    Shape shape = shape(block);
    if (shape == null || !fits(shape, attrs, attributes)) {
      return null;
    }
    if (attrs.id != null && !state.claimTableId(attrs.id, attrs.idOffset)) {
      return null;
    }
    if (attrs.repeat && !state.declare(attrs.id, attrs.idOffset)) {
      return null;
    }
    attrs.align = shape.align;
    return grid(shape.rows, shape.columns, shape.headerRows, attrs, at);
  }

  /** A pipe table's rows, header rows and columns (from its delimiter row). */
  private record Shape(List<TableRow> rows, int headerRows, int columns,
      List<TableStyle.Align> align) {}

  private Shape shape(TableBlock block) {
    List<TableRow> rows = new ArrayList<>();
    int headerRows = 0;
    int columns = -1;
    List<TableStyle.Align> align = new ArrayList<>();
    for (Node part = block.getFirstChild(); part != null; part = part.getNext()) {
      if (part instanceof TableSeparator) {
        TableRow sep = (TableRow) part.getFirstChild();
        columns = sep == null ? 0 : count(sep);
        for (Node c = sep == null ? null : sep.getFirstChild(); c != null; c = c.getNext()) {
          if (c instanceof com.vladsch.flexmark.ext.tables.TableCell cell) {
            // the delimiter row's :---: and ---: align the column's body cells
            var a = cell.getAlignment();
            align.add(a == com.vladsch.flexmark.ext.tables.TableCell.Alignment.CENTER
                ? TableStyle.Align.CENTER : a == com.vladsch.flexmark.ext.tables.TableCell.Alignment.RIGHT
                ? TableStyle.Align.RIGHT : TableStyle.Align.LEFT);
          }
        }
      } else if (part instanceof TableHead || part instanceof TableBody) {
        for (Node r = part.getFirstChild(); r != null; r = r.getNext()) {
          if (r instanceof TableRow row) {
            rows.add(row);
            headerRows += part instanceof TableHead ? 1 : 0;
          }
        }
      }
    }
    int at = block.getStartOffset();
    if (columns < 1 || rows.isEmpty()) {
      state.problems.error(at, "dsl/table-shape", "表格需要分隔行和至少一行",
          "a table needs a delimiter row and at least one row");
      return null;
    }
    if (columns > TemplateLimits.MAX_COLUMNS || rows.size() > TemplateLimits.MAX_ROWS
        || (long) columns * rows.size() > TemplateLimits.MAX_SLOTS) {
      state.problems.error(at, "dsl/table-too-large", "表格过大(" + rows.size() + "行×" + columns
          + "列；上限 " + TemplateLimits.MAX_ROWS + " 行、" + TemplateLimits.MAX_COLUMNS + " 列)",
          "table too large (" + rows.size() + " rows x " + columns + " columns; limits "
              + TemplateLimits.MAX_ROWS + " rows, " + TemplateLimits.MAX_COLUMNS + " columns)");
      return null;
    }
    return new Shape(rows, headerRows, columns, align.size() == columns ? align : List.of());
  }

  /** Whether the attributes fit the table: as many widths as columns, a repeat id. */
  private boolean fits(Shape shape, Heads.TableHead attrs, TableAttributesBlock attributes) {
    if (attrs.widths != null && attrs.widths.size() != shape.columns) {
      state.problems.error(attributes.getStartOffset(), "dsl/table-attributes", "widths 给出 "
          + attrs.widths.size() + " 个列宽，表格有 " + shape.columns + " 列", "widths gives "
          + attrs.widths.size() + " widths for " + shape.columns + " columns");
      return false;
    }
    if (attrs.repeat && attrs.id == null) {
      state.problems.error(attributes.getStartOffset(), "dsl/table-attributes",
          "重复行表格需要 #id(记录中行列表的键)", "a repeating table needs an #id (its values key)");
      return false;
    }
    if (attrs.repeat && !attrs.id.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
      state.problems.error(attrs.idOffset, "dsl/table-attributes", "重复行表格的 id 须是字段名形式",
          "the id of a repeating table must be a field-name-like identifier");
      return false;
    }
    return true;
  }

  /** Which anchor owns each slot, the anchors and their content, and the markers' offsets. */
  private static final class Slots {
    final int[][] owner;
    final int[][] markerOffset;
    final List<int[]> anchors = new ArrayList<>(); // {row, column}
    final List<List<Block>> contents = new ArrayList<>();
    boolean ok = true;

    Slots(int rows, int columns) {
      owner = new int[rows][columns];
      markerOffset = new int[rows][columns];
    }

    int anchor(int r, int c, List<Block> content) {
      anchors.add(new int[] {r, c});
      contents.add(content);
      return anchors.size() - 1;
    }
  }

  private Table grid(List<TableRow> rows, int columns, int headerRows, Heads.TableHead attrs,
      int at) {
    int nRows = rows.size();
    Slots slots = new Slots(nRows, columns);
    for (int r = 0; r < nRows; r++) {
      boolean templateRow = attrs.repeat && r == nRows - 1;
      if (templateRow) {
        state.pushScope();
      }
      row(rows.get(r), r, columns, slots);
      if (templateRow) {
        state.popScope();
      }
    }
    List<Cell> cells = cells(slots, nRows, columns, headerRows, attrs.repeat);
    if (!slots.ok) {
      return null;
    }
    try {
      Table t = new Table(attrs.id, nRows, columns, attrs.widths, headerRows, attrs.repeat,
          attrs.minRows, attrs.maxRows, cells, attrs.style());
      return state.at(t, at);
    } catch (IllegalArgumentException e) {
      state.problems.error(at, "dsl/invalid-table", "表格不成立：" + e.getMessage(),
          "invalid table: " + e.getMessage());
      return null;
    }
  }

  /** Reads one row's cells: content makes an anchor, {@code <} and {@code ^} extend one. */
  private void row(TableRow row, int r, int columns, Slots slots) {
    List<TableCell> cells = cells(row);
    if (cells.size() > columns) {
      state.problems.error(cells.get(columns).getStartOffset(), "dsl/table-shape", "此行有 "
          + cells.size() + " 个单元格，表格只有 " + columns + " 列(单元格中的 | 应写作 \\|)",
          "this row has " + cells.size() + " cells but the table has " + columns
          + " columns (a | inside a cell is written \\|)");
      slots.ok = false;
    } else if (cells.size() < columns && !cells.isEmpty()) {
      // GFM pads a short row silently: a forgotten cell shifts nothing but loses a column
      state.problems.error(row.getEndOffset() - 1, "dsl/table-shape", "此行只有 " + cells.size()
          + " 个单元格，表格有 " + columns + " 列：补上空单元格 | |，或用 < 与左侧合并",
          "this row has " + cells.size() + " cells but the table has " + columns
          + " columns: add empty cells | |, or merge with < into the cell on the left");
      slots.ok = false;
    }
    for (int c = 0; c < columns; c++) {
      TableCell cell = c < cells.size() ? cells.get(c) : null;
      String raw = cell == null ? "" : cell.getText().toString().strip();
      int offset = cell == null ? row.getEndOffset() : cell.getText().getStartOffset();
      slots.markerOffset[r][c] = offset;
      if (raw.startsWith(":::")) {
        // a cell holds one line: a container there would be kept as literal text
        state.problems.error(offset, "dsl/container-in-cell", "表格单元格中不能写 ::: 容器；"
            + "需要逐行填写的表格请用重复表格 {: #id repeat}", "a ::: container cannot be inside a "
            + "table cell; for rows filled one by one use a repeating table {: #id repeat}");
        slots.ok = false;
      }
      boolean left = raw.equals("<");
      if (left || raw.equals("^")) {
        if ((left && c == 0) || (!left && r == 0)) {
          state.problems.error(offset, "dsl/merge-nothing", left ? "\"<\" 左边没有可合并的单元格"
              : "\"^\" 上面没有可合并的单元格", left ? "\"<\" has no cell on its left to merge into"
              : "\"^\" has no cell above to merge into");
          slots.ok = false;
          slots.owner[r][c] = slots.anchor(r, c, List.of());
        } else {
          slots.owner[r][c] = left ? slots.owner[r][c - 1] : slots.owner[r - 1][c];
        }
      } else {
        if (cell != null) {
          Sections.refuseHere(state, raw, cell.getText().trim().getStartOffset());
        }
        List<Block> content = cell == null || raw.isEmpty() ? List.of()
            : InlineReader.read(state, this, cell, null);
        slots.owner[r][c] = slots.anchor(r, c, content);
      }
    }
  }

  /**
   * The cells the anchors make, each checked to be a rectangle with its anchor at the top left
   * (in one pass over the slots: linear in the table's size), not crossing the header boundary
   * nor reaching into the row template from above.
   */
  private List<Cell> cells(Slots slots, int nRows, int columns, int headerRows,
      boolean repeat) {
    int n = slots.anchors.size();
    int[] bottom = new int[n];
    int[] right = new int[n];
    int[] minColumn = new int[n];
    int[] count = new int[n];
    int[] last = new int[n];
    java.util.Arrays.fill(minColumn, Integer.MAX_VALUE);
    for (int r = 0; r < nRows; r++) {
      for (int c = 0; c < columns; c++) {
        int a = slots.owner[r][c];
        bottom[a] = Math.max(bottom[a], r);
        right[a] = Math.max(right[a], c);
        minColumn[a] = Math.min(minColumn[a], c);
        count[a]++;
        last[a] = slots.markerOffset[r][c];
      }
    }
    List<Cell> cells = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      int top = slots.anchors.get(a)[0];
      int left = slots.anchors.get(a)[1];
      int area = (bottom[a] - top + 1) * (right[a] - left + 1);
      if (count[a] != area || minColumn[a] != left) {
        state.problems.error(last[a], "dsl/merge-not-rectangular", "合并区域不是矩形",
            "merged cells do not form a rectangle");
        slots.ok = false;
        continue;
      }
      if (top < headerRows && bottom[a] >= headerRows) {
        state.problems.error(slots.markerOffset[headerRows][left], "dsl/merge-crosses-header",
            "合并跨越了表头行与表体的分界", "a merge crosses the boundary between header rows and body");
        slots.ok = false;
      }
      if (repeat && top < nRows - 1 && bottom[a] == nRows - 1) {
        state.problems.error(slots.markerOffset[nRows - 1][left], "dsl/merge-into-row-template",
            "不能把单元格合并进重复行模板(最后一行)", "cells cannot merge into the repeating row "
                + "template (the last row)");
        slots.ok = false;
      }
      cells.add(new Cell(top, left, bottom[a] - top + 1, right[a] - left + 1,
          slots.contents.get(a)));
    }
    return cells;
  }

  private static int count(TableRow row) {
    return cells(row).size();
  }

  private static List<TableCell> cells(TableRow row) {
    List<TableCell> out = new ArrayList<>();
    for (Node n = row.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof TableCell c) {
        out.add(c);
      }
    }
    return out;
  }

  private Heads.TableHead attributes(TableAttributesBlock block) {
    return Heads.table(block.attributes, state.problems);
  }

}

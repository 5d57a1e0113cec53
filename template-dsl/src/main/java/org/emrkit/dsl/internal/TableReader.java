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
    List<TableRow> rows = new ArrayList<>();
    int headerRows = 0;
    int columns = -1;
    for (Node part = block.getFirstChild(); part != null; part = part.getNext()) {
      if (part instanceof TableSeparator) {
        TableRow sep = (TableRow) part.getFirstChild();
        columns = sep == null ? 0 : count(sep);
      } else if (part instanceof TableHead || part instanceof TableBody) {
        for (Node r = part.getFirstChild(); r != null; r = r.getNext()) {
          if (r instanceof TableRow row) {
            rows.add(row);
            if (part instanceof TableHead) {
              headerRows++;
            }
          }
        }
      }
    }
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
    if (attrs.widths != null && attrs.widths.size() != columns) {
      state.problems.error(attributes.getStartOffset(), "dsl/table-attributes", "widths 给出 "
          + attrs.widths.size() + " 个列宽，表格有 " + columns + " 列", "widths gives "
          + attrs.widths.size() + " widths for " + columns + " columns");
      return null;
    }
    if (attrs.repeat) {
      if (attrs.id == null) {
        state.problems.error(attributes.getStartOffset(), "dsl/table-attributes",
            "重复行表格需要 #id(记录中行列表的键)", "a repeating table needs an #id (its values key)");
        return null;
      }
      if (!attrs.id.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
        state.problems.error(attrs.idOffset, "dsl/table-attributes", "重复行表格的 id 须是字段名形式",
            "the id of a repeating table must be a field-name-like identifier");
        return null;
      }
    }
    if (attrs.id != null && !state.claimTableId(attrs.id, attrs.idOffset)) {
      return null;
    }
    if (attrs.repeat && !state.declare(attrs.id, attrs.idOffset)) {
      return null;
    }
    return grid(rows, columns, headerRows, attrs, at);
  }

  private Table grid(List<TableRow> rows, int columns, int headerRows, Heads.TableHead attrs, int at) {
    int nRows = rows.size();
    int[][] owner = new int[nRows][columns];
    List<int[]> anchors = new ArrayList<>(); // {row, column, offset}
    List<List<Block>> contents = new ArrayList<>();
    int[][] markerOffset = new int[nRows][columns];
    boolean ok = true;
    for (int r = 0; r < nRows; r++) {
      List<TableCell> cells = cells(rows.get(r));
      if (cells.size() > columns) {
        state.problems.error(cells.get(columns).getStartOffset(), "dsl/table-shape", "此行有 "
            + cells.size() + " 个单元格，表格只有 " + columns + " 列", "this row has "
            + cells.size() + " cells but the table has " + columns + " columns");
        ok = false;
      }
      boolean templateRow = attrs.repeat && r == nRows - 1;
      if (templateRow) {
        state.pushScope();
      }
      for (int c = 0; c < columns; c++) {
        TableCell cell = c < cells.size() ? cells.get(c) : null;
        String raw = cell == null ? "" : cell.getText().toString().strip();
        int offset = cell == null ? rows.get(r).getEndOffset() : cell.getText().getStartOffset();
        markerOffset[r][c] = offset;
        if (raw.equals("<") || raw.equals("^")) {
          boolean left = raw.equals("<");
          if ((left && c == 0) || (!left && r == 0)) {
            state.problems.error(offset, "dsl/merge-nothing", left ? "\"<\" 左边没有可合并的单元格"
                : "\"^\" 上面没有可合并的单元格", left ? "\"<\" has no cell on its left to merge into"
                : "\"^\" has no cell above to merge into");
            ok = false;
            owner[r][c] = newAnchor(anchors, contents, r, c, offset, List.of());
          } else {
            owner[r][c] = left ? owner[r][c - 1] : owner[r - 1][c];
          }
        } else {
          List<Block> content = cell == null || raw.isEmpty() ? List.of()
              : InlineReader.read(state, this, cell, null);
          owner[r][c] = newAnchor(anchors, contents, r, c, offset, content);
        }
      }
      if (templateRow) {
        state.popScope();
      }
    }
    List<Cell> cells = new ArrayList<>();
    for (int a = 0; a < anchors.size(); a++) {
      int[] anchor = anchors.get(a);
      int top = anchor[0];
      int left = anchor[1];
      int bottom = top;
      int right = left;
      int count = 0;
      for (int r = 0; r < nRows; r++) {
        for (int c = 0; c < columns; c++) {
          if (owner[r][c] == a) {
            bottom = Math.max(bottom, r);
            right = Math.max(right, c);
            count++;
          }
        }
      }
      int area = (bottom - top + 1) * (right - left + 1);
      if (count != area || !rectangle(owner, a, top, left, bottom, right)) {
        state.problems.error(lastMarker(owner, a, markerOffset), "dsl/merge-not-rectangular",
            "合并区域不是矩形", "merged cells do not form a rectangle");
        ok = false;
        continue;
      }
      if (top < headerRows && bottom >= headerRows) {
        state.problems.error(markerOffset[headerRows][left], "dsl/merge-crosses-header",
            "合并跨越了表头行与表体的分界", "a merge crosses the boundary between header rows and body");
        ok = false;
      }
      if (attrs.repeat && top < nRows - 1 && bottom == nRows - 1) {
        state.problems.error(markerOffset[nRows - 1][left], "dsl/merge-into-row-template",
            "不能把单元格合并进重复行模板(最后一行)", "cells cannot merge into the repeating row "
                + "template (the last row)");
        ok = false;
      }
      cells.add(new Cell(top, left, bottom - top + 1, right - left + 1, contents.get(a)));
    }
    if (!ok) {
      return null;
    }
    try {
      Table t = new Table(attrs.id, nRows, columns, attrs.widths, headerRows, attrs.repeat,
          attrs.minRows, attrs.maxRows, cells);
      return state.at(t, at);
    } catch (IllegalArgumentException e) {
      state.problems.error(at, "dsl/invalid-table", "表格不成立：" + e.getMessage(),
          "invalid table: " + e.getMessage());
      return null;
    }
  }

  private static int newAnchor(List<int[]> anchors, List<List<Block>> contents, int r, int c,
      int offset, List<Block> content) {
    anchors.add(new int[] {r, c, offset});
    contents.add(content);
    return anchors.size() - 1;
  }

  private static boolean rectangle(int[][] owner, int a, int top, int left, int bottom,
      int right) {
    for (int r = top; r <= bottom; r++) {
      for (int c = left; c <= right; c++) {
        if (owner[r][c] != a) {
          return false;
        }
      }
    }
    return true;
  }

  /** Offset of the last slot of anchor {@code a} in reading order: the marker that broke it. */
  private static int lastMarker(int[][] owner, int a, int[][] markerOffset) {
    int offset = -1;
    for (int r = 0; r < owner.length; r++) {
      for (int c = 0; c < owner[r].length; c++) {
        if (owner[r][c] == a) {
          offset = markerOffset[r][c];
        }
      }
    }
    return offset;
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

package org.emrkit.render;

import java.util.ArrayList;
import java.util.List;
import org.emrkit.template.Block;
import org.emrkit.template.Cell;
import org.emrkit.template.Inline;
import org.emrkit.template.LineBreak;
import org.emrkit.template.Paragraph;
import org.emrkit.template.Table;
import org.emrkit.template.Text;

/**
 * The 修改记录 page's table, as ordinary template content so that every format prints it with
 * its own table typography: a header row (序号 项目 原内容 修改为 修改人 修改时间 修改理由) and a row
 * per amendment; long lists are split into tables of {@value #ROWS} rows, each with the header.
 * Package-private.
 */
final class AmendmentTable {

  static final int ROWS = 500;
  private static final List<String> HEAD = List.of("序号", "项目", "原内容", "修改为", "修改人",
      "修改时间", "修改理由");
  private static final List<Double> WIDTHS = List.of(7.0, 12.0, 19.0, 19.0, 12.0, 15.0, 16.0);

  private AmendmentTable() {}

  /**
   * Whether {@code t} is one of these tables (they hold patients' text and are made anew for
   * each rendering, so nothing keeps them): a table keeps the immutable widths list it is given,
   * and only these tables are given this one.
   */
  static boolean made(Table t) {
    return t.widths() == WIDTHS;
  }

  static List<Block> of(List<Amendment> amendments) {
    List<Block> out = new ArrayList<>();
    for (int from = 0; from < amendments.size(); from += ROWS) {
      List<Amendment> part = amendments.subList(from, Math.min(amendments.size(), from + ROWS));
      List<Cell> cells = new ArrayList<>();
      for (int c = 0; c < HEAD.size(); c++) {
        cells.add(cell(0, c, Text.of(HEAD.get(c))));
      }
      for (int i = 0; i < part.size(); i++) {
        Amendment a = part.get(i);
        int r = i + 1;
        cells.add(cell(r, 0, Text.of(String.valueOf(from + r))));
        cells.add(cell(r, 1, Text.of(a.label())));
        cells.add(cell(r, 2, lines(a.oldText().isEmpty() ? "（无）" : a.oldText())));
        cells.add(cell(r, 3, lines(a.newText().isEmpty() ? "（无）" : a.newText())));
        cells.add(cell(r, 4, Text.of(a.who())));
        // the date and the time on lines of their own: a date never splits
        String[] when = a.when().split(" ", 2);
        cells.add(cell(r, 5, Text.of(when[0]), LineBreak.INSTANCE, Text.of(when[1])));
        cells.add(cell(r, 6, Text.of(a.reasonText())));
      }
      out.add(new Table(null, part.size() + 1, HEAD.size(), WIDTHS, 1, false, 0, null, cells));
    }
    return out;
  }

  private static Cell cell(int row, int column, Inline... inlines) {
    return new Cell(row, column, 1, 1, List.of(Paragraph.of(inlines)));
  }

  /** Text with its line breaks kept. */
  private static Inline[] lines(String text) {
    List<Inline> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.add(LineBreak.INSTANCE);
      }
      if (!lines[i].isEmpty()) {
        out.add(Text.of(lines[i]));
      }
    }
    return out.toArray(Inline[]::new);
  }
}

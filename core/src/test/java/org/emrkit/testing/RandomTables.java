package org.emrkit.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.emrkit.template.Block;
import org.emrkit.template.Paragraph;
import org.emrkit.template.Table;

/** Random tables and random table edit operations for property tests. */
public final class RandomTables {

  private RandomTables() {}

  /** A named edit, so a failing sequence can be printed. */
  public record Op(String name, Function<Table, Table> apply) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A random grid of 1x1 cells (1 to 6 rows and columns) with some text and header rows. */
  public static Table grid(SplittableRandom r) {
    int rows = 1 + r.nextInt(6);
    int cols = 1 + r.nextInt(6);
    Table t = Table.grid(rows, cols);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        if (r.nextInt(3) > 0) {
          t = t.withCellContent(i, j, List.<Block>of(Paragraph.text(i + ":" + j)));
        }
      }
    }
    if (r.nextInt(3) == 0) {
      t = t.withHeaderRows(r.nextInt(rows + 1));
    }
    if (rows > t.headerRows() && r.nextInt(4) == 0) {
      t = t.withId("rows" + r.nextInt(100)).withRepeatingRow(r.nextInt(2), null);
    }
    return t;
  }

  /** A random table: a grid with a few random edits applied (refused ones skipped). */
  public static Table table(SplittableRandom r) {
    Table t = grid(r);
    if (r.nextInt(3) == 0) {
      // a style: edits that add or remove columns must keep one alignment per column
      List<org.emrkit.template.TableStyle.Align> align = new java.util.ArrayList<>();
      org.emrkit.template.TableStyle.Align[] all = org.emrkit.template.TableStyle.Align.values();
      for (int c = 0; c < t.columns(); c++) {
        align.add(all[r.nextInt(all.length)]);
      }
      t = t.withStyle(new org.emrkit.template.TableStyle(r.nextBoolean(), r.nextBoolean(),
          r.nextBoolean() ? null : 6 + r.nextInt(21) / 2.0, align));
    }
    int n = r.nextInt(8);
    for (int i = 0; i < n; i++) {
      try {
        t = op(r, t).apply().apply(t);
      } catch (IllegalArgumentException refused) {
        // a refused edit leaves t as it was; keep going
      }
    }
    return t;
  }

  /** A random edit operation with arguments drawn near the table's grid (sometimes outside it). */
  public static Op op(SplittableRandom r, Table t) {
    int rows = t.rows();
    int cols = t.columns();
    int a = r.nextInt(-1, rows + 1);
    int b = r.nextInt(-1, cols + 1);
    switch (r.nextInt(11)) {
      case 0: {
        int bottom = a + r.nextInt(3);
        int right = b + r.nextInt(3);
        return new Op("merge(" + a + "," + b + "," + bottom + "," + right + ")",
            x -> x.merge(a, b, bottom, right));
      }
      case 1:
        return new Op("unmerge(" + a + "," + b + ")", x -> x.unmerge(a, b));
      case 2: {
        int n = r.nextInt(1, 5);
        return new Op("splitRows(" + a + "," + b + "," + n + ")", x -> x.splitRows(a, b, n));
      }
      case 3: {
        int n = r.nextInt(1, 5);
        return new Op("splitColumns(" + a + "," + b + "," + n + ")",
            x -> x.splitColumns(a, b, n));
      }
      case 4:
        return new Op("insertRow(" + a + ")", x -> x.insertRow(a));
      case 5:
        return new Op("deleteRow(" + a + ")", x -> x.deleteRow(a));
      case 6:
        return new Op("insertColumn(" + b + ")", x -> x.insertColumn(b));
      case 7:
        return new Op("deleteColumn(" + b + ")", x -> x.deleteColumn(b));
      case 8: {
        int h = r.nextInt(-1, rows + 2);
        return new Op("withHeaderRows(" + h + ")", x -> x.withHeaderRows(h));
      }
      case 9: {
        List<Double> w = new ArrayList<>();
        for (int i = 0; i < cols; i++) {
          w.add(1.0 + r.nextInt(50));
        }
        return new Op("withWidths(" + w + ")", x -> x.withWidths(w));
      }
      default: {
        boolean on = r.nextBoolean();
        return new Op(on ? "repeating" : "notRepeating",
            x -> on ? x.withId("rows").withRepeatingRow(0, null) : x.withoutRepeatingRow());
      }
    }
  }
}

package org.emrkit.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.emrkit.testing.GridCheck;
import org.emrkit.testing.RandomTables;
import org.emrkit.testing.Seeds;
import org.junit.jupiter.api.Test;

/** Property tests of the table edit operations over seeded random tables. */
class TableEditPropertyTest {

  @Test
  void randomOperationSequencesAreRefusedOrKeepTheInvariant() {
    int[] applied = {0};
    int[] refused = {0};
    Seeds.check("random edit sequences", 10_000, r -> {
      Table t = RandomTables.grid(r);
      List<RandomTables.Op> done = new ArrayList<>();
      int steps = 1 + r.nextInt(12);
      for (int i = 0; i < steps; i++) {
        RandomTables.Op op = RandomTables.op(r, t);
        Table before = t;
        try {
          t = op.apply().apply(t);
          applied[0]++;
        } catch (IllegalArgumentException e) {
          refused[0]++;
          assertThat(e.getMessage()).as("refusal of %s explains itself", op).isNotBlank();
          assertThat(t).isSameAs(before);
          continue;
        }
        done.add(op);
        assertThat(GridCheck.problems(t)).as("after %s", done).isEmpty();
      }
    });
    // Both outcomes must actually occur, or the generator is not exercising the operations.
    assertThat(applied[0]).isGreaterThan(10_000);
    assertThat(refused[0]).isGreaterThan(1_000);
  }

  @Test
  void mergeThenUnmergeRestoresTheSlotStructure() {
    int[] merged = {0};
    Seeds.check("merge then unmerge", 2_000, r -> {
      Table t = RandomTables.table(r);
      int top = r.nextInt(t.rows());
      int left = r.nextInt(t.columns());
      int bottom = top + r.nextInt(t.rows() - top);
      int right = left + r.nextInt(t.columns() - left);
      Table m;
      try {
        m = t.merge(top, left, bottom, right);
      } catch (IllegalArgumentException refused) {
        return;
      }
      Cell cell = m.cellAt(top, left);
      assertThat(cell.row()).isEqualTo(top);
      assertThat(cell.column()).isEqualTo(left);
      assertThat(cell.lastRow()).isEqualTo(bottom);
      assertThat(cell.lastColumn()).isEqualTo(right);
      if (!cell.isMerged()) {
        return;
      }
      merged[0]++;
      Table split = m.unmerge(top, left);
      // Expected: the original with every cell inside the rectangle split to 1x1.
      Table expected = t;
      for (Cell c : t.cells()) {
        if (c.isMerged() && c.row() >= top && c.lastRow() <= bottom && c.column() >= left
            && c.lastColumn() <= right) {
          expected = expected.unmerge(c.row(), c.column());
        }
      }
      assertThat(GridCheck.structure(split)).isDeepEqualTo(GridCheck.structure(expected));
    });
    assertThat(merged[0]).isGreaterThan(500);
  }

  @Test
  void insertThenDeleteIsIdentity() {
    int[] checked = {0};
    Seeds.check("insert then delete", 2_000, r -> {
      Table t = RandomTables.table(r);
      int row = r.nextInt(t.rows() + 1);
      try {
        assertThat(t.insertRow(row).deleteRow(row)).isEqualTo(t);
        checked[0]++;
      } catch (IllegalArgumentException refused) {
        assertThat(t.repeating() && row == t.rows()).as("only insertion after the row template "
            + "may be refused: %s", refused.getMessage()).isTrue();
      }
      int col = r.nextInt(t.columns() + 1);
      if (t.columns() < TemplateLimits.MAX_COLUMNS) {
        assertThat(t.insertColumn(col).deleteColumn(col)).isEqualTo(t);
        checked[0]++;
      }
    });
    assertThat(checked[0]).isGreaterThan(3_000);
  }

  @Test
  void splitIntoNPartsGivesNCellsCoveringTheOriginalArea() {
    Seeds.check("split", 2_000, r -> {
      Table t = RandomTables.table(r);
      int row = r.nextInt(t.rows());
      int col = r.nextInt(t.columns());
      Cell target = t.cellAt(row, col);
      int n = 2 + r.nextInt(4);
      boolean byRows = r.nextBoolean();
      Table s;
      try {
        s = byRows ? t.splitRows(row, col, n) : t.splitColumns(row, col, n);
      } catch (IllegalArgumentException refused) {
        assertThat(byRows && t.repeating() && target.lastRow() == t.rows() - 1).isTrue();
        return;
      }
      int span = byRows ? target.rowSpan() : target.colSpan();
      int grow = Math.max(0, n - span);
      assertThat(byRows ? s.rows() : s.columns())
          .isEqualTo((byRows ? t.rows() : t.columns()) + grow);
      List<Cell> pieces = new ArrayList<>();
      for (Cell c : s.cells()) {
        boolean inside = byRows
            ? c.column() == target.column() && c.colSpan() == target.colSpan()
                && c.row() >= target.row() && c.lastRow() <= target.lastRow() + grow
            : c.row() == target.row() && c.rowSpan() == target.rowSpan()
                && c.column() >= target.column() && c.lastColumn() <= target.lastColumn() + grow;
        if (inside) {
          pieces.add(c);
        }
      }
      assertThat(pieces).hasSize(n);
      assertThat(pieces.get(0).content()).isEqualTo(target.content());
      double before = t.widths().stream().mapToDouble(Double::doubleValue).sum();
      double after = s.widths().stream().mapToDouble(Double::doubleValue).sum();
      assertThat(after).isCloseTo(before, org.assertj.core.data.Offset.offset(1e-9));
    });
  }
}

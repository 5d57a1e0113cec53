package org.emrkit.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.emrkit.testing.GridCheck;
import org.junit.jupiter.api.Test;

/** Worked examples of each table edit, with the exact result or refusal. */
class TableEditTest {

  private static Table filled(int rows, int cols) {
    Table t = Table.grid(rows, cols);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t = t.withCellContent(r, c, List.of(Paragraph.text(r + "" + c)));
      }
    }
    return t;
  }

  @Test
  void constructorRefusesOverlapsGapsAndCellsOutsideTheGrid() {
    assertThatThrownBy(() -> new Table(null, 1, 2, null, 0, false, 0, null,
        List.of(new Cell(0, 0, 1, 2, List.of()), Cell.empty(0, 1))))
        .hasMessageContaining("slot (0, 1) is covered twice");
    assertThatThrownBy(() -> new Table(null, 1, 2, null, 0, false, 0, null,
        List.of(Cell.empty(0, 0))))
        .hasMessageContaining("slot (0, 1) is not covered");
    assertThatThrownBy(() -> new Table(null, 1, 1, null, 0, false, 0, null,
        List.of(new Cell(0, 0, 2, 1, List.of()))))
        .hasMessageContaining("reaches outside the 1x1 grid");
    assertThatThrownBy(() -> new Cell(0, 0, 0, 1, List.of()))
        .hasMessageContaining("spans must be at least 1");
    assertThatThrownBy(() -> Table.grid(1, 2).withWidths(List.of(1.0)))
        .hasMessageContaining("2 columns but 1 widths");
  }

  @Test
  void mergeJoinsContentInReadingOrder() {
    Table t = filled(2, 3).merge(0, 0, 1, 1);
    Cell merged = t.cellAt(1, 1);
    assertThat(merged).isEqualTo(new Cell(0, 0, 2, 2, List.of(Paragraph.text("00"),
        Paragraph.text("01"), Paragraph.text("10"), Paragraph.text("11"))));
    assertThat(t.cells()).hasSize(3);
  }

  @Test
  void mergeRefusesToCutThroughASpan() {
    Table t = filled(3, 3).merge(0, 0, 1, 1);
    assertThatThrownBy(() -> t.merge(1, 1, 2, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot merge (1, 1)-(2, 2): it cuts through the cell at (0, 0) spanning 2x2");
  }

  @Test
  void mergeRefusesToCrossTheHeaderBoundary() {
    Table t = filled(3, 2).withHeaderRows(1);
    assertThatThrownBy(() -> t.merge(0, 0, 1, 0))
        .hasMessageContaining("crosses the boundary between the 1 header rows and the body");
  }

  @Test
  void unmergeKeepsContentTopLeft() {
    Table t = filled(2, 2).merge(0, 0, 1, 1).unmerge(1, 1);
    assertThat(t.cells()).hasSize(4);
    assertThat(t.cellAt(0, 0).content()).hasSize(4);
    assertThat(t.cellAt(1, 1).content()).isEmpty();
    assertThatThrownBy(() -> t.unmerge(0, 1)).hasMessage("the cell at (0, 1) is not merged");
  }

  @Test
  void splittingA1x1CellIntoThreeRowsGrowsTheGridAndStretchesNeighbours() {
    Table t = filled(2, 2).splitRows(0, 1, 3);
    assertThat(t.rows()).isEqualTo(4);
    assertThat(t.cellAt(0, 0)).isEqualTo(new Cell(0, 0, 3, 1, List.of(Paragraph.text("00"))));
    assertThat(t.cellAt(0, 1).rowSpan()).isEqualTo(1);
    assertThat(t.cellAt(1, 1)).isEqualTo(Cell.empty(1, 1));
    assertThat(t.cellAt(2, 1)).isEqualTo(Cell.empty(2, 1));
    assertThat(t.cellAt(3, 0).content()).containsExactly(Paragraph.text("10"));
    assertThat(GridCheck.problems(t)).isEmpty();
  }

  @Test
  void splittingAMergedCellAlongExistingLinesKeepsTheGrid() {
    Table t = filled(1, 4).merge(0, 0, 0, 3).splitColumns(0, 0, 2);
    assertThat(t.columns()).isEqualTo(4);
    assertThat(t.cells()).extracting(Cell::colSpan).containsExactly(2, 2);
  }

  @Test
  void splitColumnsSharesTheWidthOfTheSplitColumn() {
    Table t = filled(2, 2).withWidths(List.of(30.0, 70.0)).splitColumns(1, 1, 2);
    assertThat(t.widths()).containsExactly(30.0, 35.0, 35.0);
    assertThat(t.cellAt(0, 1)).isEqualTo(new Cell(0, 1, 1, 2, List.of(Paragraph.text("01"))));
  }

  @Test
  void insertRowStretchesCrossingSpansAndCopiesColumnSpans() {
    Table t = filled(3, 3).merge(0, 0, 1, 0).merge(1, 1, 1, 2).insertRow(2);
    assertThat(t.rows()).isEqualTo(4);
    assertThat(t.cellAt(2, 1)).isEqualTo(new Cell(2, 1, 1, 2, List.of()));
    assertThat(t.cellAt(2, 0)).isEqualTo(Cell.empty(2, 0));
    Table u = filled(3, 3).merge(0, 0, 1, 0).insertRow(1);
    assertThat(u.cellAt(1, 0).rowSpan()).isEqualTo(3);
  }

  @Test
  void deleteRowShrinksSpansAndKeepsTheirContent() {
    Table t = filled(3, 2).merge(0, 0, 2, 0).deleteRow(0);
    assertThat(t.rows()).isEqualTo(2);
    assertThat(t.cellAt(0, 0).rowSpan()).isEqualTo(2);
    assertThat(t.cellAt(0, 0).content()).hasSize(3);
    assertThatThrownBy(() -> Table.grid(1, 1).deleteRow(0))
        .hasMessage("cannot delete the only row of a table");
  }

  @Test
  void headerRowsFollowInsertionsAndDeletions() {
    Table t = filled(3, 2).withHeaderRows(2);
    assertThat(t.insertRow(1).headerRows()).isEqualTo(3);
    assertThat(t.insertRow(2).headerRows()).isEqualTo(2);
    assertThat(t.deleteRow(0).headerRows()).isEqualTo(1);
  }

  @Test
  void repeatingRowTemplateIsProtected() {
    Table t = filled(3, 2).withHeaderRows(1).withId("vitals").withRepeatingRow(1, 50);
    assertThatThrownBy(() -> t.insertRow(3)).hasMessageContaining("after the row template");
    assertThatThrownBy(() -> t.deleteRow(2)).hasMessageContaining("row template");
    assertThatThrownBy(() -> t.merge(1, 0, 2, 0)).hasMessageContaining("row template");
    assertThatThrownBy(() -> t.splitRows(2, 0, 2)).hasMessageContaining("row template");
    assertThatThrownBy(() -> Table.grid(2, 1).withRepeatingRow(0, null))
        .hasMessageContaining("needs an id");
    assertThat(t.insertRow(2).rows()).isEqualTo(4);
  }

  @Test
  void nestingDepthIsBounded() {
    Table inner = Table.grid(1, 1).withId("t0");
    for (int i = 1; i < TemplateLimits.MAX_TABLE_DEPTH; i++) {
      inner = Table.grid(1, 1).withId("t" + i).withCellContent(0, 0, List.of(inner));
    }
    Table deepest = inner;
    assertThatThrownBy(() -> Table.grid(1, 1).withCellContent(0, 0, List.of(deepest)))
        .hasMessage("tables nested 9 deep; at most 8");
  }

  @Test
  void cellsHoldParagraphsAndNamedTablesOnly() {
    assertThatThrownBy(() -> Table.grid(1, 1).withCellContent(0, 0, List.of(Table.grid(1, 1))))
        .hasMessage("cell (0, 0): a nested table needs an id");
    assertThatThrownBy(() -> Table.grid(1, 1).withCellContent(0, 0, List.of(new Conditional(
        Expression.of("a"), List.of(Paragraph.text("x"))))))
        .hasMessage("cell (0, 0) holds paragraphs and tables only, not Conditional");
  }

  @Test
  void sizeLimitsAreEnforced() {
    assertThatThrownBy(() -> Table.grid(1, TemplateLimits.MAX_COLUMNS + 1))
        .hasMessageContaining("columns must be 1 to 100");
    assertThatThrownBy(() -> Table.grid(TemplateLimits.MAX_ROWS, TemplateLimits.MAX_COLUMNS))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

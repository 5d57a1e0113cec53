package org.emrkit.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.emrkit.template.FieldType;
import org.emrkit.template.Table;
import org.emrkit.testing.Seeds;
import org.junit.jupiter.api.Test;

class ColumnWidthsTest {

  static Table table(double... widths) {
    return Table.builder(1, widths.length).widths(widths).cell(0, 0, "可靠程度")
        .cell(0, 1, org.emrkit.template.Field.builder("at", FieldType.DATETIME)).build();
  }

  @Test
  void shortLabelsAndDatesGetTheirWidthWhereTheLineAllows() {
    Table t = table(5, 5, 90);
    double em = 10;
    double[] w = ColumnWidths.of(t, 500, em, 6);
    assertThat(w[0]).as("可靠程度 on one line").isGreaterThanOrEqualTo(4 * em + 6);
    assertThat(w[1]).as("2026-11-20 10:00 on one line")
        .isGreaterThanOrEqualTo(ColumnWidths.ems("2026-11-20 10:00") * em + 6);
    assertThat(Arrays.stream(w).sum()).isCloseTo(500, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(w[2]).as("the rest, taken from the wide column").isLessThan(450);
    // too narrow for the labels: one character a column, the proportions otherwise
    double[] narrow = ColumnWidths.of(t, 60, em, 6);
    assertThat(narrow[0]).isCloseTo(16, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(Arrays.stream(narrow).sum()).isCloseTo(60, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void widthsAlwaysFillTheLineAndKeepTheMinimumWhenTheyCan() {
    Seeds.check("column widths fill the line", 100, random -> {
      int n = 1 + random.nextInt(8);
      double[] proportions = new double[n];
      for (int i = 0; i < n; i++) {
        proportions[i] = 1 + random.nextInt(40);
      }
      Table t = Table.grid(1, n).withWidths(Arrays.stream(proportions).boxed().toList());
      double width = 20 + random.nextInt(600);
      double[] w = ColumnWidths.of(t, width, 10, 6);
      assertThat(Arrays.stream(w).sum()).isCloseTo(width,
          org.assertj.core.data.Offset.offset(1e-6));
      if (width >= n * 16) {
        assertThat(Arrays.stream(w).min().orElseThrow()).isGreaterThanOrEqualTo(16 - 1e-9);
      }
    });
  }

  @Test
  void theWidthsOfTablesOfPatientsTextAreNotKept() {
    // the 修改记录 tables hold old and new values; a cache of widths must not keep them alive
    Amendment a = new Amendment(2, "/chiefComplaint", "主诉", "反复胸闷2天", "反复胸闷3天", null,
        new org.emrkit.record.Actor("u-1001", "李明", org.emrkit.record.Role.RESIDENT),
        java.time.OffsetDateTime.parse("2026-11-20T20:15:00+08:00"), "笔误");
    Table made = AmendmentTable.of(java.util.List.of(a)).stream()
        .filter(Table.class::isInstance).map(Table.class::cast).findFirst().orElseThrow();
    assertThat(AmendmentTable.made(made)).isTrue();
    int before = ColumnWidths.kept();
    double[] w = ColumnWidths.of(made, 500, 10, 6);
    assertThat(w).hasSize(made.columns());
    assertThat(ColumnWidths.kept()).isEqualTo(before);
    Table template = Table.grid(2, 3);
    assertThat(AmendmentTable.made(template)).isFalse();
    ColumnWidths.of(template, 500, 10, 6);
    assertThat(ColumnWidths.kept()).isEqualTo(before + 1);
    // what is kept is handed out as a copy
    ColumnWidths.of(template, 500, 10, 6)[0] = -1;
    assertThat(ColumnWidths.of(template, 500, 10, 6)[0]).isPositive();
  }
}

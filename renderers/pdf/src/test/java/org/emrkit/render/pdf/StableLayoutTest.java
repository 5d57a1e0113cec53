package org.emrkit.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.emrkit.edit.PermissionPolicy;
import org.emrkit.record.Actor;
import org.emrkit.record.Context;
import org.emrkit.record.Record;
import org.emrkit.record.Role;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.render.PrintMode;
import org.emrkit.render.PrintRequest;
import org.emrkit.render.RenderOptions;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.template.PageNumber;
import org.emrkit.template.Table;
import org.emrkit.template.Template;
import org.emrkit.template.TemplateBuilder;
import org.emrkit.template.Text;
import org.emrkit.testing.Seeds;
import org.emrkit.testing.TestClock;
import org.junit.jupiter.api.Test;

/**
 * Stable layout, over random records (seeded; the seed is printed): a record is printed, entries
 * are appended to its repeating table or repeat group (tall rows, rows of several pages, header
 * rows, a nested table in each entry, entries that split across pages), and the continuation is
 * printed. The first
 * print's pages before the one it ended on are the longer record's, pixel for pixel; its last
 * page with the continuation's first over it is the longer record's page; the continuation's
 * later pages are the longer record's; and no pixel is inked twice.
 */
class StableLayoutTest {

  private static final Actor NURSE = new Actor("u-3001", "赵芳", Role.NURSE);
  private static final String TEXT = "患者诉胸闷，予吸氧，心电监护示窦性心律，血压130/80mmHg，遵医嘱用药后症状缓解。";

  @Test
  void appendingEntriesMovesNothingAlreadyPrinted() {
    Seeds.check("stable layout under continuation printing", 14, StableLayoutTest::check);
  }

  private static void check(SplittableRandom r) throws Exception {
    boolean table = r.nextBoolean();
    boolean nested = r.nextInt(3) == 0;
    Template t = table ? tableTemplate(r, nested) : groupTemplate(r, nested);
    String group = table ? "/rows" : "/notes";
    int n = 2 + r.nextInt(table ? 40 : 14);
    int m = 1 + r.nextInt(n - 1);
    List<Values> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      entries.add(entry(r, i, nested));
    }
    TestClock clock = new TestClock("2026-11-30T08:00:00+08:00");
    PdfRenderer pdf = PdfRenderer.builder().options(RenderOptions.builder().clock(clock)
        .build()).build();
    Record rec = grow(t, Record.draft("r-" + r.nextInt(1000), t, Context.EMPTY), clock,
        group, entries.subList(0, m));
    Sheets.Printed first = Sheets.print(pdf, t, rec, PrintRequest.of(PrintMode.CONTINUE, NURSE));
    rec = Sheets.logged(t, rec, first.outcome());
    clock.advance(Duration.ofHours(8));
    rec = grow(t, rec, clock, group, entries.subList(m, n));
    Sheets.Printed next = Sheets.print(pdf, t, rec, PrintRequest.of(PrintMode.CONTINUE, NURSE));
    rec = Sheets.logged(t, rec, next.outcome());
    ByteArrayOutputStream paper = new ByteArrayOutputStream();
    pdf.renderAsPrinted(t, rec, paper);

    List<BufferedImage> a = Sheets.pages(first.pdf());
    List<BufferedImage> b = Sheets.pages(next.pdf());
    List<BufferedImage> whole = Sheets.pages(paper.toByteArray());
    int k = first.outcome().entry().end().page();
    String what = (table ? "table" : "group") + (nested ? " with nested tables" : "") + ", " + m
        + " then " + n + " entries, first print ended on page " + k + " of " + a.size();
    assertEquals(a.size(), k, what);
    for (int p = 1; p < k; p++) {
      assertEquals(0, Sheets.differences(a.get(p - 1), whole.get(p - 1)),
          what + ": page " + p + " moved");
    }
    int c = next.outcome().continuedPage();
    List<Integer> printed = next.outcome().entry().pages();
    if (c == k) {
      BufferedImage sheet = Sheets.overlay(a.get(k - 1), b.get(0));
      int diff = Sheets.differences(sheet, whole.get(k - 1));
      int twice = Sheets.inkedTwice(Sheets.page(first.pdf(), k - 1, 300),
          Sheets.page(next.pdf(), 0, 300));
      if (diff != 0 || twice != 0) {
        Sheets.keep("stable", a.get(k - 1), b.get(0), sheet, whole.get(k - 1));
      }
      assertEquals(0, diff, what + ": the continued sheet is not the longer record's page");
      assertEquals(0, twice, what + ": pixels inked twice");
    } else {
      assertEquals(0, c, what);
      assertEquals(0, Sheets.differences(a.get(k - 1), whole.get(k - 1)), what + ": page " + k);
    }
    assertEquals(whole.size() - (c == k ? k - 1 : k), b.size(), what + ": continuation pages");
    for (int i = c == k ? 1 : 0; i < b.size(); i++) {
      assertEquals(0, Sheets.differences(b.get(i), whole.get(printed.get(i) - 1)),
          what + ": page " + printed.get(i));
    }
  }

  private static Record grow(Template t, Record r, java.time.Clock clock, String group,
      List<Values> entries) {
    return Sheets.grown(t, r, NURSE, clock, group, entries, PermissionPolicy.allowAll());
  }

  private static String text(SplittableRandom r) {
    int kind = r.nextInt(10);
    // now and then a row of several pages (printed in pieces)
    int chars = kind < 6 ? 4 + r.nextInt(12) : kind < 9 ? 40 + r.nextInt(160)
        : r.nextInt(3) > 0 ? 300 + r.nextInt(500) : 2_000 + r.nextInt(4_000);
    StringBuilder sb = new StringBuilder();
    while (sb.length() < chars) {
      sb.append(TEXT);
    }
    return sb.substring(0, chars);
  }

  private static Values entry(SplittableRandom r, int i, boolean nested) {
    Map<String, Value> v = new HashMap<>();
    v.put("at", new Value.DateTime(OffsetDateTime.parse("2026-11-20T08:00+08:00")
        .plusHours(3L * i)));
    v.put("a", new Value.Str(text(r).substring(0, 4)));
    v.put("b", new Value.Num(BigDecimal.valueOf(60 + r.nextInt(60))));
    String note = text(r);
    // a row holding a nested table is kept on one page: it must fit on one
    v.put("note", new Value.Str(nested ? note.substring(0, Math.min(note.length(), 250)) : note));
    if (nested) {
      v.put("x", new Value.Str("左" + r.nextInt(10)));
      v.put("y", new Value.Str("右" + r.nextInt(10)));
    }
    return Values.of(v);
  }

  private static TemplateBuilder base(SplittableRandom r, String id) {
    TemplateBuilder b = Template.builder(id, "1.0.0", "随机记录").heading("随机记录单")
        .documentType("nursing-record")
        .pageHeader(h -> h.line("示例医院　", Field.builder("patient", FieldType.MACRO)
            .source("patient.name")))
        .pageFooter(f -> f.paragraph(Text.of("第 "), PageNumber.page(), Text.of(" 页")));
    for (int i = r.nextInt(3); i > 0; i--) {
      b.line(TEXT.repeat(1 + r.nextInt(4)));
    }
    return b;
  }

  private static Table inner() {
    return Table.builder(1, 2).id("pair").cell(0, 0, Field.builder("x", FieldType.TEXT))
        .cell(0, 1, Field.builder("y", FieldType.TEXT)).build();
  }

  /** A repeating table: one or two header rows, a few columns, a long note, maybe a nested table. */
  private static Template tableTemplate(SplittableRandom r, boolean nested) {
    int headers = 1 + r.nextInt(2);
    int cols = nested ? 5 : 4;
    var tb = Table.builder(headers + 1, cols).id("rows");
    double[] widths = nested ? new double[] {14, 8, 8, 50, 20} : new double[] {14, 10, 10, 66};
    tb.widths(widths).headerRows(headers);
    String[] names = {"时间", "项目", "数值", "护理记录", "附表"};
    for (int c = 0; c < cols; c++) {
      tb.cell(headers - 1, c, names[c]);
    }
    if (headers == 2) {
      tb.cell(0, 0, "护理观察").merge(0, 0, 0, cols - 1);
    }
    tb.cell(headers, 0, Field.builder("at", FieldType.DATETIME))
        .cell(headers, 1, Field.builder("a", FieldType.TEXT))
        .cell(headers, 2, Field.builder("b", FieldType.INTEGER))
        .cell(headers, 3, Field.builder("note", FieldType.RICHTEXT));
    if (nested) {
      tb.cellBlocks(headers, 4, inner());
    }
    return base(r, "random-table").table(tb.repeating(0, null).build()).build();
  }

  /** A repeat group: a dated heading line, a long note, maybe a table, a signature line. */
  private static Template groupTemplate(SplittableRandom r, boolean nested) {
    return base(r, "random-group").repeat("notes", g -> {
      g.label("记录").min(0)
          .line(Field.builder("at", FieldType.DATETIME), "　", Field.builder("a", FieldType.TEXT),
              "　", Field.builder("b", FieldType.INTEGER))
          .line(Field.builder("note", FieldType.RICHTEXT));
      if (nested) {
        g.table(inner());
      }
      g.line("记录者：", Field.builder("by", FieldType.SIGNATURE).role("nurse"));
    }).build();
  }
}

package org.emrkit.render.pdf;

import static org.emrkit.testing.Corpus.record;
import static org.emrkit.testing.Corpus.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.Role;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.render.PrintMode;
import org.emrkit.render.PrintRequest;
import org.emrkit.template.Template;
import org.emrkit.testing.TestClock;
import org.junit.jupiter.api.Test;

/** 续打: a continuation print laid over the print before it is the whole record's print. */
class ContinuationPrintTest {

  private static final Actor NURSE = new Actor("u-3001", "赵芳", Role.NURSE);
  private static final Actor NIGHT = new Actor("u-3002", "钱丽", Role.NURSE);

  private static List<Values> rows(int from, int n) {
    List<Values> out = new ArrayList<>();
    for (int i = from; i < from + n; i++) {
      String note = i % 7 == 3 ? "患者诉胸闷，予吸氧 2L/min，心电监护示窦性心律，通知医师，遵医嘱予硝酸甘油"
          + "0.5mg 舌下含服，15 分钟后症状缓解。继续观察病情变化。" : "病情平稳，无不适主诉。";
      out.add(Values.of(java.util.Map.of(
          "at", new Value.DateTime(java.time.OffsetDateTime.parse("2026-11-20T16:00+08:00")
              .plusHours(2L * i)),
          "t", new Value.Num(new java.math.BigDecimal("36." + (i % 10))),
          "p", new Value.Num(java.math.BigDecimal.valueOf(70 + i % 20)), "r",
          new Value.Num(java.math.BigDecimal.valueOf(18)),
          "bp", new Value.Str((120 + i % 30) + "/80"), "observation", new Value.Str(note))));
    }
    return out;
  }

  @Test
  void aContinuationOverThePrintBeforeItIsTheWholeRecordsPrint() throws Exception {
    Template t = template("nursing-record");
    TestClock clock = new TestClock("2026-11-21T08:00:00+08:00");
    Record r = Sheets.grown(t, record("clean--nursing-record.json", t), NURSE, clock,
        "/nursingRows", rows(0, 9));
    PdfRenderer pdf = PdfRenderer.builder().options(org.emrkit.render.RenderOptions.builder()
        .clock(clock).build()).build();
    Sheets.Printed first = Sheets.print(pdf, t, r, PrintRequest.of(PrintMode.CONTINUE, NURSE));
    r = Sheets.logged(t, r, first.outcome());
    clock.advance(Duration.ofHours(12));
    r = Sheets.grown(t, r, NIGHT, clock, "/nursingRows", rows(9, 14));
    Sheets.Printed next = Sheets.print(pdf, t, r, PrintRequest.of(PrintMode.CONTINUE, NIGHT));
    r = Sheets.logged(t, r, next.outcome());
    java.io.ByteArrayOutputStream paper = new java.io.ByteArrayOutputStream();
    pdf.renderAsPrinted(t, r, paper);

    Sheets.save("nursing-first.pdf", first.pdf());
    Sheets.save("nursing-continued.pdf", next.pdf());
    Sheets.save("nursing-as-printed.pdf", paper.toByteArray());
    List<BufferedImage> a = Sheets.pages(first.pdf());
    List<BufferedImage> b = Sheets.pages(next.pdf());
    List<BufferedImage> whole = Sheets.pages(paper.toByteArray());
    int k = first.outcome().entry().end().page();
    assertEquals(k, next.outcome().continuedPage(), "the continuation starts on the last page");
    assertEquals(whole.size() - k + 1, b.size());
    BufferedImage sheet = Sheets.overlay(a.get(k - 1), b.get(0));
    int diff = Sheets.differences(sheet, whole.get(k - 1));
    int twice = Sheets.inkedTwice(a.get(k - 1), b.get(0));
    if (diff != 0 || twice != 0) {
      Sheets.keep("nursing", a.get(k - 1), b.get(0), sheet, whole.get(k - 1));
    }
    assertEquals(0, diff, "pixels of the continued sheet unlike the whole record's print");
    assertEquals(0, twice, "pixels inked by both prints");
    for (int i = 1; i < b.size(); i++) {
      assertEquals(0, Sheets.differences(b.get(i), whole.get(k - 1 + i)), "page " + (k + i));
    }
    assertTrue(next.outcome().amendedPages().isEmpty());
  }
}

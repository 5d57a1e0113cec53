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
  private static final Actor RESIDENT = new Actor("u-1001", "李明", Role.RESIDENT);

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

  private static List<Values> notes(int from, int n) {
    List<Values> out = new ArrayList<>();
    for (int i = from; i < from + n; i++) {
      String text = "患者今日一般情况可，胸闷未再发作，饮食睡眠可，二便正常。查体：血压132/80mmHg，"
          + "心肺听诊未闻及异常。继续当前治疗，密切观察病情变化。";
      out.add(Values.of(java.util.Map.of(
          "at", new Value.DateTime(java.time.OffsetDateTime.parse("2026-11-23T08:30+08:00")
              .plusDays(i)),
          "kind", new Value.Str("日常病程记录"),
          "content", new Value.Str("第" + (i + 3) + "日。" + text.repeat(1 + i % 4)))));
    }
    return out;
  }

  @Test
  void aContinuedNursingSheetIsTheWholeRecordsPrint() throws Exception {
    overlay("nursing-record", "clean--nursing-record.json", "/nursingRows", rows(0, 9),
        rows(9, 14), NURSE, NIGHT);
  }

  @Test
  void aContinuedProgressNoteIsTheWholeRecordsPrint() throws Exception {
    overlay("progress-note", "clean--progress-note.json", "/progressNotes", notes(0, 5),
        notes(5, 9), RESIDENT, RESIDENT);
  }

  /**
   * Prints a record, adds entries, prints the continuation; the continued sheet (the first
   * print's last page with the continuation's first page over it) and the pages after it are
   * the record as printed, pixel for pixel, and no pixel is inked twice.
   */
  private static void overlay(String id, String file, String group, List<Values> before,
      List<Values> after, Actor day, Actor night) throws Exception {
    Template t = template(id);
    TestClock clock = new TestClock("2026-11-30T08:00:00+08:00");
    Record r = Sheets.grown(t, record(file, t), day, clock, group, before);
    PdfRenderer pdf = PdfRenderer.builder().options(org.emrkit.render.RenderOptions.builder()
        .clock(clock).build()).build();
    Sheets.Printed first = Sheets.print(pdf, t, r, PrintRequest.of(PrintMode.CONTINUE, day));
    r = Sheets.logged(t, r, first.outcome());
    clock.advance(Duration.ofHours(12));
    r = Sheets.grown(t, r, night, clock, group, after);
    Sheets.Printed next = Sheets.print(pdf, t, r, PrintRequest.of(PrintMode.CONTINUE, night));
    r = Sheets.logged(t, r, next.outcome());
    java.io.ByteArrayOutputStream paper = new java.io.ByteArrayOutputStream();
    pdf.renderAsPrinted(t, r, paper);
    Sheets.save(id + "-first.pdf", first.pdf());
    Sheets.save(id + "-continued.pdf", next.pdf());
    Sheets.save(id + "-as-printed.pdf", paper.toByteArray());

    List<BufferedImage> a = Sheets.pages(first.pdf());
    List<BufferedImage> b = Sheets.pages(next.pdf());
    List<BufferedImage> whole = Sheets.pages(paper.toByteArray());
    int k = first.outcome().entry().end().page();
    assertEquals(k, next.outcome().continuedPage(), "the continuation starts on the last page");
    assertEquals(whole.size() - k + 1, b.size());
    BufferedImage sheet = Sheets.overlay(a.get(k - 1), b.get(0));
    int diff = Sheets.differences(sheet, whole.get(k - 1));
    int twice = Sheets.inkedTwice(Sheets.page(first.pdf(), k - 1, 300),
        Sheets.page(next.pdf(), 0, 300));
    if (diff != 0 || twice != 0) {
      Sheets.keep(id, a.get(k - 1), b.get(0), sheet, whole.get(k - 1));
    }
    assertEquals(0, diff, "pixels of the continued sheet unlike the whole record's print");
    assertEquals(0, twice, "pixels inked by both prints");
    for (int i = 1; i < b.size(); i++) {
      assertEquals(0, Sheets.differences(b.get(i), whole.get(k - 1 + i)), "page " + (k + i));
    }
    assertTrue(next.outcome().amendedPages().isEmpty());
  }
}

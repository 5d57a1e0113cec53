package org.emrkit.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.emrkit.testing.Corpus.record;
import static org.emrkit.testing.Corpus.template;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.emrkit.edit.EditSession;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.Role;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.render.PrintMode;
import org.emrkit.render.PrintRequest;
import org.emrkit.render.RenderException;
import org.emrkit.render.RenderOptions;
import org.emrkit.template.Template;
import org.emrkit.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The print modes on the 一般护理记录单: from here, pages, amendments, moves, offsets. */
class PrintModesTest {

  private static final Actor NURSE = new Actor("u-3001", "赵芳", Role.NURSE);
  private static final Template T = template("nursing-record");

  private TestClock clock;
  private PdfRenderer pdf;

  @BeforeEach
  void setUp() {
    clock = new TestClock("2026-11-30T08:00:00+08:00");
    pdf = PdfRenderer.builder().options(RenderOptions.builder().clock(clock).build()).build();
  }

  private static List<Values> rows(int from, int n) {
    List<Values> out = new ArrayList<>();
    for (int i = from; i < from + n; i++) {
      out.add(Values.of(Map.of("at", new Value.DateTime(OffsetDateTime.parse(
          "2026-11-20T16:00+08:00").plusHours(2L * i)), "p", new Value.Num(BigDecimal.valueOf(
              70 + i % 20)), "observation", new Value.Str("病情平稳，无不适主诉。" + i))));
    }
    return out;
  }

  /** A nursing record of {@code n} rows, printed once (whole) and logged. */
  private Record printedOnce(int n) {
    Record r = Sheets.grown(T, record("clean--nursing-record.json", T), NURSE, clock,
        "/nursingRows", rows(0, n));
    Sheets.Printed p = Sheets.print(pdf, T, r, PrintRequest.of(PrintMode.ALL, NURSE));
    clock.advance(Duration.ofHours(4));
    return Sheets.logged(T, r, p.outcome());
  }

  private static String text(byte[] pdf, int page) throws Exception {
    try (var doc = Loader.loadPDF(pdf)) {
      PDFTextStripper s = new PDFTextStripper();
      s.setStartPage(page);
      s.setEndPage(page);
      return s.getText(doc).replaceAll("\\s", "");
    }
  }

  @Test
  void aContinuedPageCarriesOnlyItsNewRowsAndLaterPagesTheirFurniture() throws Exception {
    Record r = printedOnce(8);
    r = Sheets.grown(T, r, NURSE, clock, "/nursingRows", rows(8, 14));
    Sheets.Printed next = Sheets.print(pdf, T, r, PrintRequest.of(PrintMode.CONTINUE, NURSE));
    assertThat(next.outcome().continuedPage()).isEqualTo(1);
    assertThat(next.outcome().notice()).hasValueSatisfying(m ->
        assertThat(m.zh()).contains("请将第 1 页放回打印机"));
    String first = text(next.pdf(), 1);
    assertThat(first).contains("病情平稳，无不适主诉。8").doesNotContain("病情平稳，无不适主诉。7",
        "示例市人民医院", "打印人", "第1页", "日期时间");
    String second = text(next.pdf(), 2);
    assertThat(second).contains("示例市人民医院", "日期时间", "第2页", "打印人：赵芳",
        "打印时间：2026-11-3012:00");
    assertThat(next.outcome().entry().sheets()).doesNotContain(1).contains(2);
  }

  @Test
  void printingFromARowCutsThePageItIsOnAndNothingNewIsRefused() throws Exception {
    Record r = printedOnce(8);
    assertThatThrownBy(() -> Sheets.print(pdf, T, r, PrintRequest.of(PrintMode.CONTINUE, NURSE)))
        .isInstanceOf(RenderException.class).extracting(e -> ((RenderException) e).code())
        .isEqualTo("print/nothing-new");
    Sheets.Printed from = Sheets.print(pdf, T, r, PrintRequest.from("/nursingRows/5", NURSE));
    String page = text(from.pdf(), 1);
    assertThat(page).contains("无不适主诉。3", "无不适主诉。7").doesNotContain("无不适主诉。2",
        "示例市人民医院");
    assertThat(from.outcome().entry().from().entry()).isEqualTo("/nursingRows/4");
    assertThatThrownBy(() -> Sheets.print(pdf, T, r, PrintRequest.from("/nursingRows/99", NURSE)))
        .extracting(e -> ((RenderException) e).code()).isEqualTo("print/entry");
  }

  @Test
  void pagesAreReprintedWholeAndOnlyPagesTheRecordHas() throws Exception {
    Record r = printedOnce(40);
    Sheets.Printed again = Sheets.print(pdf, T, r, PrintRequest.pages(List.of(2), NURSE));
    try (var doc = Loader.loadPDF(again.pdf())) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
    }
    assertThat(text(again.pdf(), 1)).contains("示例市人民医院", "第2页", "打印人：赵芳");
    assertThat(again.outcome().entry().sheets()).containsExactly(2);
    assertThatThrownBy(() -> Sheets.print(pdf, T, r, PrintRequest.pages(List.of(9), NURSE)))
        .extracting(e -> ((RenderException) e).code()).isEqualTo("print/pages");
  }

  @Test
  void anAmendedPrintedRowIsNamedAndAMovedOneRefusesTheContinuation() {
    Record r = printedOnce(8);
    EditSession s = EditSession.builder(T, r, NURSE).clock(clock).open();
    s.set("/nursingRows/4/observation", new Value.Str("病情平稳，无不适主诉。X"));
    s.addEntry("/nursingRows", rows(8, 1).get(0));
    Record amended = s.commit();
    Sheets.Printed next = Sheets.print(pdf, T, amended, PrintRequest.of(PrintMode.CONTINUE,
        NURSE));
    assertThat(next.outcome().amendedPages()).containsExactly(1);
    assertThat(next.outcome().notice().orElseThrow().zh()).contains("第 1 页打印后内容又被修改");

    s.set("/nursingRows/2/observation", new Value.Str("病情变化：" + "患者诉胸闷，予吸氧。".repeat(8)));
    Record moved = s.commit();
    assertThatThrownBy(() -> Sheets.print(pdf, T, moved, PrintRequest.of(PrintMode.CONTINUE,
        NURSE))).isInstanceOf(RenderException.class).satisfies(e -> {
          assertThat(((RenderException) e).code()).isEqualTo("print/moved");
          assertThat(((RenderException) e).message().zh()).contains("请重打第 1");
        });
  }

  @Test
  void aFeedOffsetMovesEverythingOnTheSheet() throws Exception {
    Record r = printedOnce(8);
    r = Sheets.grown(T, r, NURSE, clock, "/nursingRows", rows(8, 2));
    BufferedImage plain = Sheets.pages(Sheets.print(pdf, T, r, PrintRequest.of(
        PrintMode.CONTINUE, NURSE)).pdf()).get(0);
    Sheets.Printed shifted = Sheets.print(pdf, T, r, PrintRequest.of(PrintMode.CONTINUE, NURSE)
        .offset(2, 3));
    assertThat(shifted.outcome().entry().offsetX()).isEqualTo(2);
    BufferedImage moved = Sheets.pages(shifted.pdf()).get(0);
    int[] a = Sheets.inkBox(plain);
    int[] b = Sheets.inkBox(moved);
    // 2 mm and 3 mm at 100 dpi: 7.9 and 11.8 pixels
    assertThat(b[0] - a[0]).isBetween(7, 9);
    assertThat(b[1] - a[1]).isBetween(11, 13);
  }

  @Test
  void aFailedPrintLeavesThePreviousFile(@TempDir Path dir) throws Exception {
    Record r = printedOnce(3);
    Path file = dir.resolve("print.pdf");
    Files.writeString(file, "earlier");
    assertThatThrownBy(() -> pdf.printTo(T, r, PrintRequest.from("/nursingRows/42", NURSE), file))
        .isInstanceOf(RenderException.class);
    assertThat(Files.readString(file)).isEqualTo("earlier");
    pdf.printTo(T, r, PrintRequest.pages(List.of(1), NURSE), file);
    assertThat(Files.readAllBytes(file)).startsWith("%PDF".getBytes());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pdf.renderAsPrinted(T, r, out);
    Sheets.save("modes-as-printed.pdf", out.toByteArray());
    assertThat(text(out.toByteArray(), 1)).contains("打印人：赵芳", "打印时间：2026-11-3008:00");
  }

  private static String code(Runnable r) {
    try {
      r.run();
      return "printed";
    } catch (RenderException e) {
      return e.code();
    }
  }

  @Test
  void anEntryInsertedRemovedOrMovedAboveThePrintedEndRefusesTheContinuation() {
    Record r = printedOnce(8);
    // a row as tall as the others, inserted among the printed ones: the last printed row's
    // place now holds another row
    EditSession s = EditSession.builder(T, r, NURSE).clock(clock).open();
    s.addEntry("/nursingRows", 3, rows(20, 1).get(0), null);
    Record inserted = s.commit();
    assertThat(code(() -> Sheets.print(pdf, T, inserted, PrintRequest.of(PrintMode.CONTINUE,
        NURSE)))).isEqualTo("print/moved");
    s = EditSession.builder(T, r, NURSE).clock(clock).open();
    s.removeEntry("/nursingRows/4");
    s.addEntry("/nursingRows", rows(21, 1).get(0));
    Record swapped = s.commit();
    assertThat(code(() -> Sheets.print(pdf, T, swapped, PrintRequest.of(PrintMode.CONTINUE,
        NURSE)))).isEqualTo("print/moved");
    s = EditSession.builder(T, r, NURSE).clock(clock).open();
    assertThat(s.moveEntry("/nursingRows", 2, 5).isApplied()).isTrue();
    s.addEntry("/nursingRows", rows(22, 1).get(0));
    Record moved = s.commit();
    assertThat(code(() -> Sheets.print(pdf, T, moved, PrintRequest.of(PrintMode.CONTINUE,
        NURSE)))).isEqualTo("print/moved");
    // rows added at the end only: the continuation prints
    s = EditSession.builder(T, r, NURSE).clock(clock).open();
    s.addEntry("/nursingRows", rows(23, 1).get(0));
    Record grown = s.commit();
    assertThat(code(() -> Sheets.print(pdf, T, grown, PrintRequest.of(PrintMode.CONTINUE,
        NURSE)))).isEqualTo("printed");
  }

  @Test
  void aRecordPrintedWholeAgainContinuesFromThatPrint() throws Exception {
    Record r = printedOnce(8);
    EditSession s = EditSession.builder(T, r, NURSE).clock(clock).open();
    s.removeEntry("/nursingRows/9");
    Record shorter = s.commit();
    assertThat(code(() -> Sheets.print(pdf, T, shorter, PrintRequest.of(PrintMode.CONTINUE,
        NURSE)))).isEqualTo("print/moved");
    Sheets.Printed again = Sheets.print(pdf, T, shorter, PrintRequest.of(PrintMode.ALL, NURSE));
    clock.advance(Duration.ofHours(1));
    Record reprinted = Sheets.logged(T, shorter, again.outcome());
    Record grown = Sheets.grown(T, reprinted, NURSE, clock, "/nursingRows", rows(30, 2));
    Sheets.Printed next = Sheets.print(pdf, T, grown, PrintRequest.of(PrintMode.CONTINUE,
        NURSE));
    assertThat(next.outcome().continuedPage()).isEqualTo(1);
    assertThat(text(next.pdf(), 1)).contains("无不适主诉。30", "无不适主诉。31")
        .doesNotContain("无不适主诉。7");
  }

  @Test
  void aSheetPrintedBeforeItHadRowsIsContinuedUnderItsHeader() throws Exception {
    // a sheet set up before any row was written (the template asks for one row at least, so
    // an edit session cannot remove the last one: the record is made without rows)
    Record none = Record.draft("R-empty", T, record("clean--nursing-record.json", T).context());
    Sheets.Printed first = Sheets.print(pdf, T, none, PrintRequest.of(PrintMode.ALL, NURSE));
    clock.advance(Duration.ofHours(1));
    Record r = Sheets.grown(T, Sheets.logged(T, none, first.outcome()), NURSE, clock,
        "/nursingRows", rows(0, 2));
    Sheets.Printed next = Sheets.print(pdf, T, r, PrintRequest.of(PrintMode.CONTINUE, NURSE));
    assertThat(next.outcome().continuedPage()).isEqualTo(1);
    assertThat(text(next.pdf(), 1)).contains("无不适主诉。0", "无不适主诉。1")
        .doesNotContain("日期时间", "一般护理记录单", "打印人");
    java.io.ByteArrayOutputStream paper = new java.io.ByteArrayOutputStream();
    pdf.renderAsPrinted(T, r, paper);
    BufferedImage sheet = Sheets.overlay(Sheets.pages(first.pdf()).get(0),
        Sheets.pages(next.pdf()).get(0));
    assertThat(Sheets.differences(sheet, Sheets.pages(paper.toByteArray()).get(0))).isZero();
  }

  @Test
  void aPageReprintedAfterAnAmendmentIsNoLongerNamed() {
    Record r = printedOnce(8);
    EditSession s = EditSession.builder(T, r, NURSE).clock(clock).open();
    s.set("/nursingRows/4/observation", new Value.Str("病情平稳，无不适主诉。Y"));
    Record amended = s.commit();
    clock.advance(Duration.ofMinutes(5));
    Sheets.Printed again = Sheets.print(pdf, T, amended, PrintRequest.pages(List.of(1), NURSE));
    Record reprinted = Sheets.logged(T, amended, again.outcome());
    clock.advance(Duration.ofMinutes(5));
    Record grown = Sheets.grown(T, reprinted, NURSE, clock, "/nursingRows", rows(40, 1));
    Sheets.Printed next = Sheets.print(pdf, T, grown, PrintRequest.of(PrintMode.CONTINUE,
        NURSE));
    assertThat(next.outcome().amendedPages()).isEmpty();
  }

  @Test
  void aSheetKeepsOnPaperTheWatermarkItWasPrintedWith() throws Exception {
    // both rows signed: the sheet prints without 草稿; an unsigned row makes the record a draft
    // on paper again, but the sheet already printed keeps what it was printed with
    Record signed = record("clean--nursing-record.json", T);
    Sheets.Printed first = Sheets.print(pdf, T, signed, PrintRequest.of(PrintMode.ALL, NURSE));
    assertThat(first.outcome().entry().watermark()).isNull();
    clock.advance(Duration.ofHours(1));
    Record r = Sheets.grown(T, Sheets.logged(T, signed, first.outcome()), NURSE, clock,
        "/nursingRows", rows(0, 30));
    Sheets.Printed next = Sheets.print(pdf, T, r, PrintRequest.of(PrintMode.CONTINUE, NURSE));
    assertThat(next.outcome().entry().watermark()).isEqualTo("草稿");
    Record logged = Sheets.logged(T, r, next.outcome());
    java.io.ByteArrayOutputStream paper = new java.io.ByteArrayOutputStream();
    pdf.renderAsPrinted(T, logged, paper);
    List<BufferedImage> whole = Sheets.pages(paper.toByteArray());
    BufferedImage sheet = Sheets.overlay(Sheets.pages(first.pdf()).get(0),
        Sheets.pages(next.pdf()).get(0));
    if (Sheets.differences(sheet, whole.get(0)) != 0) {
      Sheets.keep("watermark", Sheets.pages(first.pdf()).get(0), Sheets.pages(next.pdf()).get(0),
          sheet, whole.get(0));
    }
    assertThat(Sheets.differences(sheet, whole.get(0))).isZero();
    assertThat(Sheets.differences(Sheets.pages(next.pdf()).get(1), whole.get(1))).as("page 2,"
        + " put on paper by the continuation, with 草稿").isZero();
    assertThat(text(paper.toByteArray(), 2)).contains("草稿");
  }

  @Test
  void aContinuationAfterAReprintOfLaterPagesOnlyNamesThePagesNeverPrinted() {
    Record r = Sheets.grown(T, record("clean--nursing-record.json", T), NURSE, clock,
        "/nursingRows", rows(0, 40));
    Sheets.Printed third = Sheets.print(pdf, T, r, PrintRequest.pages(List.of(3), NURSE));
    clock.advance(Duration.ofMinutes(5));
    Record logged = Sheets.logged(T, r, third.outcome());
    Record grown = Sheets.grown(T, logged, NURSE, clock, "/nursingRows", rows(40, 3));
    Sheets.Printed next = Sheets.print(pdf, T, grown, PrintRequest.of(PrintMode.CONTINUE,
        NURSE));
    assertThat(next.outcome().neverPrinted()).containsExactly(1, 2);
    assertThat(next.outcome().notice().orElseThrow().zh()).contains("第 1、2 页从未打印");
  }
}

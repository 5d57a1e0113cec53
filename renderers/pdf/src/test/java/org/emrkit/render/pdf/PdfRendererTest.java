package org.emrkit.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.render.RenderException;
import org.emrkit.render.RenderOptions;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.junit.jupiter.api.Test;

/** PDF content checked through text extracted with PDFBox (never bytes). */
class PdfRendererTest {

  static final Clock CLOCK = Clock.fixed(OffsetDateTime.parse("2026-11-28T12:00:00+08:00")
      .toInstant(), ZoneOffset.ofHours(8));

  static Template template(String id) {
    return Corpus.template(id);
  }

  static Record record(String file, Template t) {
    return Corpus.record(file, t);
  }

  static List<String> pages(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<String> out = new ArrayList<>();
      PDFTextStripper s = new PDFTextStripper();
      for (int i = 1; i <= doc.getNumberOfPages(); i++) {
        s.setStartPage(i);
        s.setEndPage(i);
        out.add(s.getText(doc));
      }
      return out;
    }
  }

  /** The index of the last page whose text contains {@code text}, or -1. */
  static int lastPageWith(List<String> pages, String text) {
    for (int p = pages.size() - 1; p >= 0; p--) {
      if (pages.get(p).contains(text)) {
        return p;
      }
    }
    return -1;
  }

  static byte[] render(PdfRenderer r, Template t, Record rec) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    r.render(t, rec, out);
    return out.toByteArray();
  }

  @Test
  void everyValueOfTheAdmissionRecordIsInTheText() throws IOException {
    Template t = template("admission-record");
    Record rec = record("clean--admission-record.json", t);
    byte[] pdf = render(PdfRenderer.builder().options(RenderOptions.builder().clock(CLOCK).printedBy("张护士").build()).build(), t, rec);
    String text = String.join("\n", pages(pdf)).replace(" ", "");
    for (String v : List.of("入院记录", "反复胸闷3天", "患者3天前无明显诱因出现胸闷", "高血压病史10年。",
        "吸烟30年，每日20支。", "36.8℃", "78次/分", "150/90mmHg", "70.5kg", "23.8kg/m",
        "心电图：窦性心律，ST段压低。", "不稳定型心绞痛(I20.000)", "李明2026-11-2020:15", "示例市人民医院",
        "ZY0012345", "打印人：张护士", "打印时间：2026-11-2812:00", "5级")) {
      assertThat(text).as(v).contains(v.replace(" ", ""));
    }
    assertThat(text).doesNotContain("月经史");
  }

  @Test
  void pageNumbersReadPageNOfM() throws IOException {
    Template t = template("admission-record");
    byte[] pdf = render(PdfRenderer.builder().options(RenderOptions.builder().clock(CLOCK).build()).build(), t,
        record("clean--admission-record.json", t));
    List<String> pages = pages(pdf);
    assertThat(pages.size()).isGreaterThanOrEqualTo(2);
    for (int i = 0; i < pages.size(); i++) {
      assertThat(pages.get(i).replace(" ", "")).contains("第" + (i + 1) + "页/共" + pages.size() + "页");
    }
  }

  @Test
  void aHundredAndTwentyRowNursingRecordRepeatsBothHeaderRowsOnEveryPage() throws IOException {
    Template t = template("nursing-record");
    Record base = record("clean--nursing-record.json", t);
    Values row = base.values().rows("nursingRows").get(0);
    List<Values> rows = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      rows.add(row.with("observation", new Value.Str("第" + (i + 1) + "次巡视，患者安静入睡。")));
    }
    Record rec = base.withValues(Values.of(Map.of("nursingRows", new Value.Rows(rows))));
    List<String> pages = pages(render(PdfRenderer.builder().options(RenderOptions.builder().clock(CLOCK).build()).build(), t, rec));
    assertThat(pages.size()).isGreaterThan(3);
    for (String p : pages) {
      String s = p.replaceAll("\\s", "");
      assertThat(s).contains("日期时间", "生命体征", "病情观察及护理措施", "体温℃", "脉搏次/分");
    }
    String all = String.join("", pages).replaceAll("\\s", "");
    assertThat(all).contains("第1次巡视", "第60次巡视", "第120次巡视");
  }

  @Test
  void headerRowsTallerThanAThirdOfAPageArePrintedOnce() throws IOException {
    // a header that took most of each page would leave the rows it heads a line or two a page
    String json = org.emrkit.json.TemplateJson.create().write(template("nursing-record"))
        .replace("病情观察及护理措施", "病情观察及护理措施开始" + "（含护理措施、效果评价）".repeat(14) + "表头结束");
    Template t = org.emrkit.json.TemplateJson.create().read(json).orElseThrow();
    Record base = record("clean--nursing-record.json", t);
    Values row = base.values().rows("nursingRows").get(0);
    List<Values> rows = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      rows.add(row.with("observation", new Value.Str("第" + (i + 1) + "次巡视，患者安静入睡。")));
    }
    Record rec = base.withValues(Values.of(Map.of("nursingRows", new Value.Rows(rows))));
    List<String> pages = pages(render(PdfRenderer.builder().options(RenderOptions.builder()
        .clock(CLOCK).build()).build(), t, rec)).stream().map(p -> p.replaceAll("\\s", ""))
        .toList();
    assertThat(pages.size()).isGreaterThan(3);
    assertThat(pages.get(0)).contains("病情观察及护理措施开始", "表头结束", "第1次巡视");
    assertThat(pages.subList(1, pages.size()))
        .noneSatisfy(p -> assertThat(p).contains("病情观察及护理措施开始"));
    assertThat(String.join("", pages)).contains("第120次巡视");
  }

  /** A template of {@code lines} lines of text, then a table whose rows 1 to 3 a merged cell joins. */
  static Template mergedRows(int lines, int mergedLines) {
    org.emrkit.template.TemplateBuilder b = Template.builder("merged", "1.0.0", "合并单元格");
    for (int i = 0; i < lines; i++) {
      b.line("第" + (i + 1) + "行正文。");
    }
    return b.table(org.emrkit.template.Table.builder(5, 2).headerRows(1)
        .cell(0, 0, "表头甲").cell(0, 1, "表头乙")
        .cell(1, 0, "合并开始" + "说明文字".repeat(mergedLines * 10) + "合并结束")
        .merge(1, 0, 3, 0)
        .cell(1, 1, "行一").cell(2, 1, "行二").cell(3, 1, "行三")
        .cell(4, 0, "末行").build()).build();
  }

  @Test
  void rowsJoinedByAMergedCellAreKeptOnOnePageUnderTheHeader() throws IOException {
    // OpenPDF split the joined rows at the page's foot, leaving the merged cell's text to the
    // next page after the rows beside it (conformance seed 4194269277377816695)
    PdfRenderer pdf = PdfRenderer.builder().options(RenderOptions.builder().clock(CLOCK).build())
        .build();
    int moved = 0;
    for (int lines = 30; lines <= 48; lines++) {
      Template t = mergedRows(lines, 2);
      Record rec = Record.draft("R-merged", t, Corpus.record("clean--nursing-record.json",
          template("nursing-record")).context());
      List<String> pages = pages(render(pdf, t, rec)).stream()
          .map(p -> p.replaceAll("\\s", "")).toList();
      int at = lastPageWith(pages, "合并开始");
      assertThat(at).as("%d lines: the merged cell is printed", lines).isNotNegative();
      assertThat(pages.get(at)).as("%d lines: joined rows on one page", lines)
          .contains("合并结束", "行一", "行二", "行三", "表头甲");
      if (at > 0 && !pages.get(at).contains("第" + lines + "行正文")) {
        moved++;
        assertThat(String.join("", pages.subList(0, at))).as("%d lines", lines)
            .contains("第" + lines + "行正文");
      }
    }
    assertThat(moved).as("tables that went to the next page under their header").isPositive();
  }

  @Test
  void rowsJoinedByAMergedCellTallerThanAPageAreRefusedNotSplit() {
    Template t = mergedRows(1, 200);
    Record rec = Record.draft("R-merged", t, Corpus.record("clean--nursing-record.json",
        template("nursing-record")).context());
    assertThatThrownBy(() -> render(PdfRenderer.builder().build(), t, rec))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("rows joined by a merged cell")
        .satisfies(e -> assertThat(((RenderException) e).code()).isEqualTo("render/too-tall"));
  }

  @Test
  void rowsSplitAcrossPagesOnlyWhenTallerThanAPage() throws IOException {
    Template t = template("nursing-record");
    Record base = record("clean--nursing-record.json", t);
    Values row = base.values().rows("nursingRows").get(0);
    List<Values> rows = new ArrayList<>();
    // rows of two to five lines; the 30th is longer than a page
    for (int i = 0; i < 60; i++) {
      String text = i == 29
          ? "超长记录开始。" + "患者诉胸闷，予吸氧、心电监护，通知医师。".repeat(120) + "超长记录结束。"
          : "第" + (i + 1) + "次巡视开始。" + "患者安静，生命体征平稳。".repeat(1 + i % 4)
              + "第" + (i + 1) + "次巡视结束。";
      rows.add(row.with("observation", new Value.Str(text)));
    }
    Record rec = base.withValues(Values.of(Map.of("nursingRows", new Value.Rows(rows))));
    List<String> pages = pages(render(PdfRenderer.builder().options(RenderOptions.builder().clock(CLOCK).build()).build(), t, rec))
        .stream().map(p -> p.replaceAll("\\s", "")).toList();
    for (int i = 0; i < 60; i++) {
      if (i == 29) {
        continue;
      }
      String start = "第" + (i + 1) + "次巡视开始";
      String end = "第" + (i + 1) + "次巡视结束";
      int at = -1;
      for (int p = 0; p < pages.size(); p++) {
        if (pages.get(p).contains(start)) {
          at = p;
        }
      }
      assertThat(at).as(start).isNotNegative();
      assertThat(pages.get(at)).as("row %d kept on one page", i + 1).contains(end);
    }
    int first = -1;
    int last = -1;
    for (int p = 0; p < pages.size(); p++) {
      if (pages.get(p).contains("超长记录开始")) {
        first = p;
      }
      if (pages.get(p).contains("超长记录结束")) {
        last = p;
      }
    }
    assertThat(first).isNotNegative();
    assertThat(last).as("the tall row continues on the next page").isGreaterThan(first);
  }

  @Test
  void aRowOfManyPagesPrintsAllItsTextInOrderFromWhereTheRowBeforeEnds() throws IOException {
    // a 病情观察 of some 30 pages, of ten characters no other text of the sheet has, in an
    // order that would show a line lost, repeated or moved (printed in pieces: TallRows)
    String alphabet = "甲乙丙丁戊己庚辛壬癸";
    java.util.SplittableRandom r = new java.util.SplittableRandom(7);
    StringBuilder text = new StringBuilder();
    while (text.length() < 12_000) {
      text.append(alphabet.charAt(r.nextInt(10)));
      int k = r.nextInt(40);
      text.append(k == 0 ? "\n" : k == 1 ? "。\n\n" : k < 6 ? "，" : k == 6 ? "。" : "");
    }
    Template t = template("nursing-record");
    Record base = record("clean--nursing-record.json", t);
    Values row = base.values().rows("nursingRows").get(0);
    Record rec = base.withValues(Values.of(Map.of("nursingRows", new Value.Rows(List.of(
        row.with("observation", new Value.Str("之前一行")),
        row.with("observation", new Value.Str(text.toString())),
        row.with("observation", new Value.Str("之后一行")))))));
    List<String> pages = pages(render(PdfRenderer.builder().options(RenderOptions.builder()
        .clock(CLOCK).build()).build(), t, rec));
    assertThat(pages.size()).isGreaterThan(10);
    // the value's characters and its punctuation (none of them anywhere else on the sheet)
    String kept = alphabet + "，。";
    StringBuilder printed = new StringBuilder();
    for (String p : pages) {
      p.codePoints().filter(c -> kept.indexOf(c) >= 0).forEach(printed::appendCodePoint);
    }
    assertThat(String.join("", pages(render(PdfRenderer.builder().options(RenderOptions
        .builder().clock(CLOCK).build()).build(), t, base.withValues(Values.of(Map.of(
        "nursingRows", new Value.Rows(List.of(row.with("observation",
        new Value.Str("之前一行"))))))))))).as("the sheet without the value").doesNotContainPattern(
        "[" + kept + "]");
    String written = text.toString().replaceAll("[^" + kept + "]", "");
    assertThat(printed.toString()).as("the value's characters, as printed").isEqualTo(written);
    assertThat(pages.get(0)).as("the row starts under the one before, not on a new page")
        .contains("之前一行").contains(text.substring(0, 1));
    String last = pages.get(pages.size() - 1).replaceAll("\\s", "");
    String end = text.toString().replaceAll("[^" + alphabet + "]", "");
    end = end.substring(end.length() - 5);
    assertThat(last).contains("之后一行");
    assertThat(last.replaceAll("[^" + alphabet + "之后一行]", ""))
        .as("the next row after the tall one's end").endsWith(end + "之后一行");
    // the sheet's first row that tall: the head and the row start on the first page (the head
    // waited for room for the whole row, and went to the next page)
    Record first = base.withValues(Values.of(Map.of("nursingRows", new Value.Rows(List.of(
        row.with("observation", new Value.Str(text.toString())))))));
    String page1 = pages(render(PdfRenderer.builder().options(RenderOptions.builder()
        .clock(CLOCK).build()).build(), t, first)).get(0);
    assertThat(page1).contains("病情观察").contains(text.substring(0, 1));
  }

  @Test
  void aVerticalTabPastedIntoATextBreaksTheLineAndOtherControlsPrintNothing()
      throws IOException {
    Template t = template("admission-record");
    Record base = record("clean--admission-record.json", t);
    Record rec = base.withValues(base.values().with("chiefComplaint",
        new Value.Str("胸闷3天\u000B加重1天\u0001")));
    List<String> lines = List.of(pages(render(PdfRenderer.builder().options(RenderOptions
        .builder().clock(CLOCK).build()).build(), t, rec)).get(0).split("\\R"));
    assertThat(lines).containsSubsequence("胸闷3天", "加重1天");
    assertThat(String.join("\n", lines)).doesNotContain("\u000B").doesNotContain("\u0001");
  }

  @Test
  void aCharacterNoFontHasIsAnErrorNamingItAndItsField() throws IOException {
    Template t = template("admission-record");
    Record rec = record("clean--admission-record.json", t);
    Record bad = rec.withValues(rec.values().with("chiefComplaint",
        new Value.Str("胸闷3天\uD83E\uDEC0")));
    assertThatThrownBy(() -> render(PdfRenderer.builder().options(RenderOptions.builder().clock(CLOCK).build()).build(), t, bad))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("\uD83E\uDEC0").hasMessageContaining("/values/chiefComplaint")
        .satisfies(e -> assertThat(((RenderException) e).pointer())
            .isEqualTo("/values/chiefComplaint"));
  }

  @Test
  void aHostFontIsTriedFirstAndNotoSansScCoversWhatItLacks() throws Exception {
    // Liberation Sans (bundled in OpenPDF's jar) stands in for a hospital's own font: it has
    // Latin letters and digits but no Chinese
    byte[] liberation;
    try (var in = com.lowagie.text.pdf.BaseFont.class.getResourceAsStream(
        "/font-fallback/LiberationSans-Regular.ttf")) {
      liberation = in.readAllBytes();
    }
    Template t = template("admission-record");
    Record rec = record("clean--admission-record.json", t);
    byte[] pdf = render(PdfRenderer.builder().options(RenderOptions.builder().clock(CLOCK).build()).font("Liberation", liberation).build(), t, rec);
    assertThat(embeddedFonts(pdf)).anyMatch(n -> n.startsWith("LiberationSans"))
        .anyMatch(n -> n.startsWith("NotoSansSC"));
    assertThat(String.join("", pages(pdf)).replace(" ", "")).contains("反复胸闷3天", "ZY0012345");
    // the host font's subset, made like Noto Sans SC's, is PDF/A-2b too
    org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider.initialise();
    assertThat(PdfArchiveTest.violations(pdf)).isEmpty();
  }

  /** The names (subset tags left off) of the fonts a PDF's pages use, each checked embedded. */
  private static java.util.Set<String> embeddedFonts(byte[] pdf) throws IOException {
    java.util.Set<String> used = new java.util.TreeSet<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (var page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          var font = page.getResources().getFont(name);
          used.add(font.getName().substring(font.getName().indexOf('+') + 1));
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
      }
    }
    return used;
  }

  @Test
  void aHostFontWithCffOutlinesIsEmbeddedWholeAsOpenPdfEmbedsIt() throws Exception {
    // FontBox makes no subsets of CFF outlines; OpenPDF embeds such a font as before them
    java.nio.file.Path otf = java.nio.file.Path.of(
        "/usr/share/fonts/opentype/linux-libertine/LinLibertine_R.otf");
    boolean present = java.nio.file.Files.isReadable(otf);
    if ("true".equals(System.getenv("EMRKIT_FONTS_REQUIRED"))) {
      assertThat(present).as("fonts-linuxlibertine (installed by .ci/run)").isTrue();
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(present, "no CFF font on this machine");
    byte[] bytes = java.nio.file.Files.readAllBytes(otf);
    org.emrkit.render.pdf.internal.Fonts.Face face =
        org.emrkit.render.pdf.internal.Fonts.trueType("Libertine", bytes);
    assertThat(face.subsets()).isFalse();
    assertThat(face.has('A')).isTrue();
    assertThat(face.has('病')).isFalse();
    Template t = template("admission-record");
    Record rec = record("clean--admission-record.json", t);
    byte[] pdf = render(PdfRenderer.builder().options(RenderOptions.builder().clock(CLOCK)
        .build()).font("Libertine", bytes).build(), t, rec);
    assertThat(embeddedFonts(pdf)).anyMatch(n -> n.startsWith("LinLibertine"))
        .anyMatch(n -> n.startsWith("NotoSansSC"));
    assertThat(String.join("", pages(pdf)).replace(" ", "")).contains("反复胸闷3天", "ZY0012345");
    org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider.initialise();
    assertThat(PdfArchiveTest.violations(pdf)).isEmpty();
  }

  @Test
  void paperAndOrientationComeFromTheTemplate() throws IOException {
    Template t = template("nursing-record"); // landscape A4
    byte[] pdf = render(PdfRenderer.builder().options(RenderOptions.builder().clock(CLOCK).build()).build(), t,
        record("clean--nursing-record.json", t));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      var box = doc.getPage(0).getMediaBox();
      assertThat(box.getWidth()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
      assertThat(box.getHeight()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
    }
  }

  @Test
  void theGlyphRuleFindsWhatWouldNotPrintWhenTheRecordIsValidated() {
    Template t = template("admission-record");
    Record clean = record("clean--admission-record.json", t);
    PdfRenderer pdf = PdfRenderer.builder().build();
    org.emrkit.validation.Validator v = org.emrkit.validation.Validator.builder()
        .rule(pdf.glyphRule()).build();
    assertThat(v.validate(t, clean).findings()).as("a clean record prints").isEmpty();
    // U+30000 (CJK Extension G) is in no font here: validation says so at the field
    Record rare = clean.withValues(clean.values().with("chiefComplaint",
        new Value.Str("反复胸闷3天\uD880\uDC00")));
    assertThat(v.validate(t, rare).findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("render/glyph");
      assertThat(f.path()).isEqualTo("/values/chiefComplaint");
      assertThat(f.message().en()).contains("U+30000");
    });
    assertThatThrownBy(() -> render(pdf, t, rare)).isInstanceOf(RenderException.class)
        .satisfies(e -> assertThat(((RenderException) e).code()).isEqualTo("render/missing-glyph"));
  }

  @Test
  void what痕迹打印PrintsBesidesTheValueIsCheckedForGlyphsToo() throws IOException {
    // the note names who amended: a name with a character no font has must not be dropped
    Template t = template("admission-record");
    Record clean = record("clean--admission-record.json", t);
    var s = org.emrkit.edit.EditSession.builder(t, clean, new org.emrkit.record.Actor("u-2001",
        "王\uD880\uDC00", org.emrkit.record.Role.ATTENDING))
        .clock(new org.emrkit.testing.TestClock("2026-11-21T09:00:00+08:00")).open();
    assertThat(s.set("/chiefComplaint", new Value.Str("反复胸痛5天"), "补充").isApplied()).isTrue();
    Record amended = s.commit();
    assertThat(render(PdfRenderer.builder().build(), t, amended)).as("a normal print")
        .isNotEmpty();
    PdfRenderer inline = PdfRenderer.builder().options(RenderOptions.builder()
        .amendments(org.emrkit.render.AmendmentPrint.INLINE).build()).build();
    assertThatThrownBy(() -> render(inline, t, amended)).isInstanceOf(RenderException.class)
        .satisfies(e -> {
          assertThat(((RenderException) e).code()).isEqualTo("render/missing-glyph");
          assertThat(e.getMessage()).contains("U+30000");
        });
  }

  @Test
  void aBannerLabelAndItsValueAreNeverSplitAcrossLines() throws IOException {
    // portrait pages printed "住院" at the end of one line and "号：ZY0012345" on the next
    for (String id : List.of("admission-record", "discharge-record", "first-progress-note",
        "progress-note", "operation-record")) {
      Template t = template(id);
      Record r = Corpus.record("clean--" + id + ".json", t);
      String page = pages(render(PdfRenderer.builder().build(), t, r)).get(0);
      List<String> all = page.lines().map(l -> l.replace(" ", "")).toList();
      // the banner: the lines under the title (the running header has some pairs too)
      int title = all.indexOf(t.heading().replace(" ", ""));
      assertThat(title).as("%s: the title line", id).isNotNegative();
      List<String> lines = all.subList(title + 1, title + 3);
      for (var item : r.context().banner().entrySet()) {
        String pair = item.getKey() + "：" + item.getValue();
        assertThat(lines).as("%s: %s on one line", id, pair)
            .anySatisfy(l -> assertThat(l).contains(pair.replace(" ", "")));
      }
    }
  }

  @Test
  void aDateNeverSplitsInsideItself() throws IOException {
    // the nursing sheet's signature column printed "赵芳 2026-" / "11-20 10:05"
    Template t = template("nursing-record");
    String page = pages(render(PdfRenderer.builder().build(), t,
        record("clean--nursing-record.json", t))).get(0);
    assertThat(page.lines().map(String::strip).toList()).isNotEmpty()
        .noneSatisfy(l -> assertThat(l).matches(".*\\d{4}-(\\d{2}-?)?"))
        .noneSatisfy(l -> assertThat(l).matches("\\d{2}(-\\d{2})? .*|\\d{2}-\\d{2}"));
  }

  @Test
  void aNursingRowsDateTimeStaysOnOneLineAndItsSignatureColumnHoldsTheName() throws IOException {
    // the ward's sheet: "2026-11-20" / "10:00" wrapped in a 9 % column, and the nurse column
    // printed "赵芳" / "2026-11-20" / "10:05" on three lines
    Template t = template("nursing-record");
    List<String> lines = pages(render(PdfRenderer.builder().build(), t,
        record("clean--nursing-record.json", t))).get(0).lines().map(String::strip).toList();
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("2026-11-20 10:00 ")
        .endsWith("赵芳"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("2026-11-20 14:00 ")
        .endsWith("赵芳"));
    assertThat(lines).noneSatisfy(l -> assertThat(l).matches("\\d{2}:\\d{2}.*"));
    // short labels in narrow columns stay whole: 病史陈述者, 可靠程度 (were 病史陈述 / 者)
    Template a = template("admission-record");
    List<String> admission = pages(render(PdfRenderer.builder().build(), a,
        record("clean--admission-record.json", a))).get(0).lines().map(String::strip).toList();
    assertThat(admission).anySatisfy(l -> assertThat(l).contains("病史陈述者")
        .contains("可靠程度"));
  }

  @Test
  void aHeadingIsNeverLeftAloneAtTheFootOfAPage() throws IOException {
    PdfRenderer pdf = PdfRenderer.builder().options(RenderOptions.builder().clock(CLOCK).build())
        .build();
    Record context = record("clean--nursing-record.json", template("nursing-record"));
    int moved = 0;
    for (int lines = 36; lines <= 46; lines++) {
      org.emrkit.template.TemplateBuilder b = Template.builder("h", "1.0.0", "标题测试");
      for (int i = 0; i < lines; i++) {
        b.line("第" + (i + 1) + "行正文。");
      }
      b.section("孤立标题", sec -> sec.line("标题后第一行。").line("标题后第二行。"));
      Template t = b.build();
      List<String> pages = pages(render(pdf, t, Record.draft("R-h", t, context.context())))
          .stream().map(p -> p.replaceAll("\\s", "")).toList();
      int at = lastPageWith(pages, "孤立标题");
      assertThat(at).as("%d lines", lines).isNotNegative();
      assertThat(pages.get(at)).as("%d lines: the heading with what follows", lines)
          .contains("标题后第一行");
      if (at > 0 && !pages.get(at).contains("第" + lines + "行正文")) {
        moved++;
      }
    }
    assertThat(moved).as("headings that went to the next page").isPositive();
  }

  @Test
  void rareCharactersOfRealNamesPrintWithTheServersExtensionBFont() throws IOException {
    // 𠮷 𡒄 𨭉 𪨶: patient names real hospitals have; the CLI exited 1 on them
    boolean required = "true".equals(System.getenv("EMRKIT_FONTS_REQUIRED"));
    boolean present = org.emrkit.render.pdf.internal.Fonts.rare().isPresent();
    if (required) {
      assertThat(present).as("fonts-hanazono (installed by .ci/run)").isTrue();
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(present, "no Extension B font on this machine");
    Template t = template("admission-record");
    Record clean = record("clean--admission-record.json", t);
    String name = Corpus.EXT_B_NAME;
    Record r = Corpus.withPatientName(clean, name);
    PdfRenderer pdf = PdfRenderer.builder().build();
    assertThat(org.emrkit.validation.Validator.builder().rule(pdf.glyphRule()).build()
        .validate(t, r).findings()).isEmpty();
    byte[] bytes = render(pdf, t, r);
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "rare"));
    java.nio.file.Files.write(java.nio.file.Path.of("target", "rare", "ext-b-name.pdf"), bytes);
    assertThat(pages(bytes).get(0)).contains(name);
  }

  @Test
  void unitsAreWrittenAsChineseRecordsWriteThem() throws IOException {
    // "36.8 ℃" and "97 %" before: no space before a symbol or a Chinese unit, one before a Latin
    Template t = template("admission-record");
    String text = String.join("\n", pages(render(PdfRenderer.builder().build(), t,
        record("clean--admission-record.json", t))));
    assertThat(text).contains("36.8℃", "78次/分", "97%", "150/90 mmHg", "172.0 cm")
        .doesNotContain("36.8 ℃", "97 %", "78 次/分", "150 mmHg");
  }

  @Test
  void aStreamThatCannotBeWrittenIsRenderIo() {
    // pages go to the stream as they are laid out: a full disk half way through is render/io
    Template t = template("admission-record");
    Record rec = Corpus.record("clean--admission-record.json", t);
    java.io.OutputStream full = new java.io.OutputStream() {
      private int written;

      @Override
      public void write(int b) throws IOException {
        if (++written > 20_000) {
          throw new IOException("No space left on device");
        }
      }
    };
    assertThatThrownBy(() -> PdfRenderer.builder().build().render(t, rec, full))
        .isInstanceOf(RenderException.class)
        .satisfies(e -> assertThat(((RenderException) e).code()).isEqualTo("render/io"))
        .hasMessageContaining("No space left on device");
  }
}

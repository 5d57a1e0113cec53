package org.emrkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.emrkit.edit.EditResult;
import org.emrkit.edit.EditSession;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.RecordStatus;
import org.emrkit.record.Role;
import org.emrkit.record.Value;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.emrkit.testing.TestClock;
import org.junit.jupiter.api.Test;

/**
 * What the page says is true, in every format. A signature prints only when the record's signatures say it is valid, in every format: a name
 * typed into a signature field of a draft with no signature prints nothing (it printed
 * "李明 2026-11-20 20:15"); a signature superseded by an amendment prints marked 已修改 with when.
 */
class PrintTruthTest {

  static final Template T = Corpus.template("admission-record");
  static final Record CLEAN = Corpus.record("clean--admission-record.json", T);
  static final String SIGNED = "李明 2026-11-20 20:15";

  static List<String> texts(Record r) {
    String html = ConformanceTest.HTML.render(T, r);
    return List.of(VisibleText.html(html, 1, 1).body(),
        String.join("", VisibleText.pdf(ConformanceTest.bytes(ConformanceTest.PDF, T, r))
            .pageBodies()),
        VisibleText.docx(ConformanceTest.bytes(ConformanceTest.DOCX, T, r)).body());
  }

  @Test
  void aNameTypedIntoASignatureFieldIsNotPrinted() {
    assertThat(texts(CLEAN)).as("the signed record prints its signature")
        .allSatisfy(t -> assertThat(t).contains(SIGNED.replace(" ", "")));
    Record typed = new Record(CLEAN.id(), CLEAN.template(), null, RecordStatus.DRAFT,
        CLEAN.context(), CLEAN.values(), CLEAN.completedAt(), List.of(), List.of(), "{}");
    assertThat(typed.values().get("residentSignature")).isPresent();
    assertThat(texts(typed)).as("HTML, PDF, DOCX of a draft with no signature")
        .allSatisfy(t -> assertThat(t).doesNotContain(SIGNED.replace(" ", "")));
  }

  @Test
  void aSupersededSignatureIsMarkedAsSuch() {
    TestClock clock = new TestClock("2026-11-21T09:00:00+08:00");
    EditSession s = EditSession.builder(T, CLEAN, new Actor("u-1001", "李明", Role.RESIDENT))
        .clock(clock).open();
    EditResult r = s.set("/chiefComplaint", new Value.Str("反复胸闷、胸痛3天"), "补充症状");
    assertThat(r.isApplied()).as(String.valueOf(r.refusal())).isTrue();
    Record amended = s.commit();
    assertThat(amended.signatures()).singleElement().satisfies(g ->
        assertThat(g.superseded()).isTrue());
    try {
      java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "signatures"));
      java.nio.file.Files.write(java.nio.file.Path.of("target", "signatures", "superseded.pdf"),
          ConformanceTest.bytes(ConformanceTest.PDF, T, amended));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(texts(amended)).allSatisfy(t -> assertThat(t)
        .contains(SIGNED.replace(" ", "") + "（已修改2026-11-2109:00，签名失效）"));
    // struck through, the note not
    assertThat(org.jsoup.Jsoup.parse(ConformanceTest.HTML.render(T, amended))
        .select("[data-emr-path=/values/residentSignature] del.emr-void").text())
        .isEqualTo(SIGNED);
    try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
        new java.io.ByteArrayInputStream(ConformanceTest.bytes(ConformanceTest.DOCX, T,
            amended)))) {
      StringBuilder struck = new StringBuilder();
      doc.getParagraphs().forEach(p -> p.getRuns().stream()
          .filter(org.apache.poi.xwpf.usermodel.XWPFRun::isStrikeThrough)
          .forEach(run -> struck.append(run.text())));
      assertThat(struck).hasToString(SIGNED);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    // or left out, by option: an empty signature line
    var leftOut = ConformanceTest.OPTIONS.toBuilder().supersededSignatures(false).build();
    String html = org.emrkit.render.html.HtmlRenderer.builder().options(leftOut).build()
        .render(T, amended);
    String pdf = String.join("", VisibleText.pdf(ConformanceTest.bytes(org.emrkit.render.pdf
        .PdfRenderer.builder().options(leftOut).build(), T, amended)).pageBodies());
    String docx = VisibleText.docx(ConformanceTest.bytes(org.emrkit.render.docx.DocxRenderer
        .builder().options(leftOut).build(), T, amended)).body();
    assertThat(List.of(VisibleText.html(html, 1, 1).body(), pdf, docx)).allSatisfy(t ->
        assertThat(t).doesNotContain(SIGNED.replace(" ", "")).doesNotContain("已修改")
            .contains("医师签名："));
  }

  @Test
  void aDraftCarries草稿InEveryFormatUnlessTurnedOff() throws Exception {
    Record draft = new Record(CLEAN.id(), CLEAN.template(), null, RecordStatus.DRAFT,
        CLEAN.context(), CLEAN.values(), CLEAN.completedAt(), List.of(), List.of(), "{}");
    String html = ConformanceTest.HTML.render(T, draft);
    assertThat(org.jsoup.Jsoup.parse(html).select(".emr-watermark").text()).isEqualTo("草稿");
    assertThat(VisibleText.pdf(ConformanceTest.bytes(ConformanceTest.PDF, T, draft)).areas())
        .allSatisfy(a -> assertThat(a).startsWith("草稿"));
    try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io
        .ByteArrayInputStream(ConformanceTest.bytes(ConformanceTest.DOCX, T, draft)))) {
      // in the header every page has (POI put it only in first-page and even-page headers,
      // which no page used: Word and LibreOffice showed no watermark)
      assertThat(new org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy(doc).getDefaultHeader()
          ._getHdrFtr().xmlText()).contains("string=\"草稿\"");
    }
    var off = org.emrkit.render.RenderOptions.builder().draftWatermark(false).build();
    assertThat(org.emrkit.render.html.HtmlRenderer.builder().options(off).build()
        .render(T, draft)).doesNotContain("emr-watermark");
    assertThat(ConformanceTest.HTML.render(T, CLEAN)).as("a signed record")
        .doesNotContain("emr-watermark");
    assertThat(org.emrkit.render.html.HtmlRenderer.builder().options(org.emrkit.render
        .RenderOptions.builder().mode(org.emrkit.render.RenderMode.FORM).build()).build()
        .render(T, draft)).as("the edit form").doesNotContain("emr-watermark");
  }

  @Test
  void aWardSheetWhoseEveryRowIsSignedIsNoDraftOnPaper() throws Exception {
    org.emrkit.template.Template nursing = org.emrkit.testing.Corpus.template("nursing-record");
    Record signedRows = org.emrkit.testing.Corpus.record("clean--nursing-record.json", nursing);
    assertThat(signedRows.status()).isEqualTo(RecordStatus.DRAFT);
    assertThat(ConformanceTest.HTML.render(nursing, signedRows)).as("every row signed")
        .doesNotContain("emr-watermark");
    assertThat(VisibleText.pdf(ConformanceTest.bytes(ConformanceTest.PDF, nursing, signedRows))
        .areas()).noneSatisfy(a -> assertThat(a).startsWith("草稿"));
    // a row no nurse has signed yet: the sheet is a draft again
    var rows = new java.util.ArrayList<>(signedRows.values().rows("nursingRows"));
    rows.add(org.emrkit.record.Values.of(java.util.Map.of("observation",
        new org.emrkit.record.Value.Str("无不适主诉。"))));
    Record unsigned = signedRows.withValues(org.emrkit.record.Values.of(java.util.Map.of(
        "nursingRows", new org.emrkit.record.Value.Rows(rows))));
    assertThat(org.jsoup.Jsoup.parse(ConformanceTest.HTML.render(nursing, unsigned))
        .select(".emr-watermark").text()).isEqualTo("草稿");
  }

  @Test
  void anEmptyFieldPrintsNoLineToWriteOnAndNoHangingUnit() {
    // 体重 empty on a signed record printed "_____ kg", inviting handwriting
    Record empty = CLEAN.withValues(CLEAN.values().without("weight"));
    String view = ConformanceTest.HTML.render(T, empty);
    org.jsoup.nodes.Document d = org.jsoup.Jsoup.parse(view);
    assertThat(d.select(".emr-blank").stream().map(e -> e.className()).toList())
        .as("only signature lines are left").allSatisfy(c -> assertThat(c)
            .contains("emr-blank-signature"));
    assertThat(d.select("[data-emr-path=/values/weight]").text()).isEmpty();
    assertThat(d.select("[data-emr-path=/values/weight] + .emr-unit")).isEmpty();
    // a placeholder, the same in every format
    var slash = org.emrkit.render.RenderOptions.builder().emptyPlaceholder("/").build();
    String html = org.emrkit.render.html.HtmlRenderer.builder().options(slash).build()
        .render(T, empty);
    String pdf = String.join("", VisibleText.pdf(ConformanceTest.bytes(org.emrkit.render.pdf
        .PdfRenderer.builder().options(slash).build(), T, empty)).pageBodies());
    assertThat(VisibleText.html(html, 1, 1).body()).contains("体重/BMI");
    assertThat(pdf).contains("体重/BMI");
    // a draft printed for handwriting shows lines when asked
    Record draft = new Record(empty.id(), empty.template(), null, RecordStatus.DRAFT,
        empty.context(), empty.values(), empty.completedAt(), List.of(), List.of(), "{}");
    var blanks = org.emrkit.render.RenderOptions.builder().blanks(true).build();
    assertThat(org.emrkit.render.html.HtmlRenderer.builder().options(blanks).build()
        .render(T, draft)).contains("emr-blank emr-blank-decimal\" data-emr-path=\"/values/weight");
    assertThat(org.emrkit.render.html.HtmlRenderer.builder().options(blanks).build()
        .render(T, empty)).as("never on a signed record")
        .doesNotContain("data-emr-path=\"/values/weight\"></span><span class=\"emr-unit");
  }

  @Test
  void anArchivedRecordsPrintedCopySaysSoInTheFooter() {
    Record archived = Corpus.record("cn.archived-change--edited-after-archiving.json", T);
    assertThat(archived.status()).isEqualTo(RecordStatus.ARCHIVED);
    String html = ConformanceTest.HTML.render(T, archived);
    assertThat(VisibleText.html(html, 1, 1).areas().get(0)).endsWith("已归档");
    assertThat(VisibleText.pdf(ConformanceTest.bytes(ConformanceTest.PDF, T, archived)).areas())
        .allSatisfy(a -> assertThat(a).endsWith("已归档"));
    assertThat(VisibleText.html(ConformanceTest.HTML.render(T, CLEAN), 1, 1).areas().get(0))
        .as("a signed record").doesNotContain("已归档");
  }

  @Test
  void aSuperscriptInsideBoldPrintsAsBothInEveryFormat() throws Exception {
    // the white count's power of ten, made bold: 10⁹, never 109 (nor its bold lost)
    Record r = CLEAN.withValues(CLEAN.values().with("hpi",
        new Value.Str("血常规：**WBC 12×10^9^/L**。")));
    org.jsoup.nodes.Document d = org.jsoup.Jsoup.parse(ConformanceTest.HTML.render(T, r));
    assertThat(d.select("strong sup").text()).isEqualTo("9");
    assertThat(String.join("", d.select("strong").eachText())).isEqualTo("WBC 12×109/L");
    byte[] docx = ConformanceTest.bytes(org.emrkit.render.docx.DocxRenderer.builder()
        .options(ConformanceTest.OPTIONS).build(), T, r);
    try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
        new java.io.ByteArrayInputStream(docx))) {
      List<String> nine = new java.util.ArrayList<>();
      doc.getParagraphs().forEach(p -> p.getRuns().forEach(run -> {
        if (run.text().equals("9")) {
          nine.add(run.isBold() + " " + run.getVerticalAlignment());
        }
      }));
      assertThat(nine).containsExactly("true superscript");
    }
    assertThat(String.join("", VisibleText.pdf(ConformanceTest.bytes(ConformanceTest.PDF, T, r))
        .pageBodies())).contains("血常规：WBC12×109/L。");
  }

  /** The admission record amended after signing: 主诉 反复胸闷3天 → 反复胸痛5天, with a reason. */
  static Record amended() {
    TestClock clock = new TestClock("2026-11-21T09:00:00+08:00");
    EditSession s = EditSession.builder(T, CLEAN, new Actor("u-2001", "王强", Role.ATTENDING))
        .clock(clock).open();
    EditResult r = s.set("/chiefComplaint", new Value.Str("反复胸痛5天"), "患者补充病史");
    assertThat(r.isApplied()).as(String.valueOf(r.refusal())).isTrue();
    return s.commit();
  }

  static List<String> texts(Record r, org.emrkit.render.AmendmentPrint how) {
    var o = ConformanceTest.OPTIONS.toBuilder().amendments(how).build();
    String html = org.emrkit.render.html.HtmlRenderer.builder().options(o).build().render(T, r);
    return List.of(VisibleText.html(html, 1, 1).body(),
        String.join("", VisibleText.pdf(ConformanceTest.bytes(
            org.emrkit.render.pdf.PdfRenderer.builder().options(o).build(), T, r)).pageBodies()),
        VisibleText.docx(ConformanceTest.bytes(
            org.emrkit.render.docx.DocxRenderer.builder().options(o).build(), T, r)).body());
  }

  @Test
  void amendmentsPrintOnlyWhenAskedAsA修改记录PageOrInline() throws Exception {
    Record amended = amended();
    assertThat(CLEAN.values().get("chiefComplaint")).contains(new Value.Str("反复胸闷3天"));
    assertThat(texts(amended, org.emrkit.render.AmendmentPrint.NONE)).as("a normal print")
        .allSatisfy(t -> assertThat(t).contains("反复胸痛5天").doesNotContain("修改记录")
            .doesNotContain("反复胸闷3天").doesNotContain("患者补充病史"));
    // the 修改记录 page: field, old → new as displayed, who with role, when, why; one row
    String row = "1主诉反复胸闷3天反复胸痛5天王强（主治医师）2026-11-2109:00患者补充病史";
    assertThat(texts(amended, org.emrkit.render.AmendmentPrint.APPENDIX))
        .as("HTML, PDF, DOCX with the appendix").allSatisfy(t -> assertThat(t)
            .contains("（以下空白）修改记录序号项目原内容修改为修改人修改时间修改理由" + row)
            .endsWith(row));
    // 痕迹打印: struck, then put in, then who and when; the appendix has nothing left to list
    String inline = "反复胸闷3痛5天〔王强（主治医师）2026-11-2109:00修改〕";
    assertThat(texts(amended, org.emrkit.render.AmendmentPrint.INLINE))
        .as("HTML, PDF, DOCX traced").allSatisfy(t -> assertThat(t).contains(inline)
            .doesNotContain("修改记录"));
    var o = ConformanceTest.OPTIONS.toBuilder()
        .amendments(org.emrkit.render.AmendmentPrint.INLINE).build();
    org.jsoup.nodes.Document d = org.jsoup.Jsoup.parse(org.emrkit.render.html.HtmlRenderer
        .builder().options(o).build().render(T, amended));
    assertThat(d.select("[data-emr-path=/values/chiefComplaint] del.emr-struck").text())
        .isEqualTo("闷3");
    assertThat(d.select("[data-emr-path=/values/chiefComplaint] ins.emr-inserted").text())
        .isEqualTo("痛5");
    byte[] pdf = ConformanceTest.bytes(org.emrkit.render.pdf.PdfRenderer.builder().options(o)
        .build(), T, amended);
    assertThat(PdfColours.textIn(pdf, new java.awt.Color(0xCC, 0, 0))).isEqualTo("闷3");
    assertThat(PdfColours.textIn(pdf, new java.awt.Color(0, 0, 0xCC))).isEqualTo("痛5");
    byte[] docx = ConformanceTest.bytes(org.emrkit.render.docx.DocxRenderer.builder().options(o)
        .build(), T, amended);
    try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
        new java.io.ByteArrayInputStream(docx))) {
      StringBuilder struck = new StringBuilder();
      StringBuilder inserted = new StringBuilder();
      doc.getParagraphs().forEach(p -> p.getRuns().forEach(run -> {
        if (run.isStrikeThrough() && "CC0000".equals(run.getColor())) {
          struck.append(run.text()); // (the superseded signature is struck too, in black)
        }
        if (run.getUnderline() == org.apache.poi.xwpf.usermodel.UnderlinePatterns.SINGLE
            && "0000CC".equals(run.getColor())) {
          inserted.append(run.text());
        }
      }));
      assertThat(struck).hasToString("闷3");
      assertThat(inserted).hasToString("痛5");
    }
  }

  @Test
  void twoAmendmentsOfOneFieldPrintEachUnderItsNumberAndName() throws Exception {
    // the attending amends 主诉 (闷3 → 痛5), then the chief adds to it: one field, two steps
    TestClock clock = new TestClock("2026-11-21T09:10:00+08:00");
    EditSession s = EditSession.builder(T, amended(), new Actor("u-4001", "陈华", Role.CHIEF))
        .clock(clock).open();
    EditResult r = s.set("/chiefComplaint", new Value.Str("反复胸痛5天，伴气短"), "补充症状");
    assertThat(r.isApplied()).as(String.valueOf(r.refusal())).isTrue();
    Record twice = s.commit();
    String inline = "反复胸闷3痛5①天，伴气短②〔①王强（主治医师）2026-11-2109:00②陈华（主任医师）"
        + "2026-11-2109:10修改〕";
    assertThat(texts(twice, org.emrkit.render.AmendmentPrint.INLINE))
        .as("HTML, PDF, DOCX traced").allSatisfy(t -> assertThat(t).contains(inline));
    var o = ConformanceTest.OPTIONS.toBuilder()
        .amendments(org.emrkit.render.AmendmentPrint.INLINE).build();
    byte[] pdf = ConformanceTest.bytes(org.emrkit.render.pdf.PdfRenderer.builder().options(o)
        .build(), T, twice);
    assertThat(PdfColours.textIn(pdf, new java.awt.Color(0, 0, 0xCC))).isEqualTo("痛5，伴气短");
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "looked-at"));
    java.nio.file.Files.write(java.nio.file.Path.of("target", "looked-at",
        "amended-twice.trace.pdf"), pdf);
    java.nio.file.Files.write(java.nio.file.Path.of("target", "looked-at",
        "amended-twice.trace.docx"), ConformanceTest.bytes(org.emrkit.render.docx.DocxRenderer
            .builder().options(o).build(), T, twice));
  }

  @Test
  void changesBeforeSigningAndUnsignedContentAreNoAmendments() {
    // the record as written (its first values, changes while a draft) is not amended
    assertThat(org.emrkit.render.RecordWalk.forRendering(T, CLEAN,
        org.emrkit.render.RenderOptions.defaults()).amendments()).isEmpty();
    Record amended = amended();
    var walk = org.emrkit.render.RecordWalk.forRendering(T, amended,
        org.emrkit.render.RenderOptions.defaults());
    assertThat(walk.amendments()).singleElement().satisfies(a -> {
      assertThat(a.path()).isEqualTo("/values/chiefComplaint");
      assertThat(a.label()).isEqualTo("主诉");
      assertThat(a.oldText()).isEqualTo("反复胸闷3天");
      assertThat(a.newText()).isEqualTo("反复胸痛5天");
      assertThat(a.reason()).isEqualTo("患者补充病史");
    });
  }

  @Test
  void everyPrintedPageNamesThePatient() {
    // the bundled 入院记录's own running header showed 住院号 and 床号 but not the name, so page 2
    // did not say whose it was (病历书写基本规范 第三十条)
    var pdf = VisibleText.pdf(ConformanceTest.bytes(ConformanceTest.PDF, T, CLEAN));
    assertThat(pdf.areas()).as("PDF pages").hasSizeGreaterThan(1).allSatisfy(a ->
        assertThat(a).contains("姓名：张三").contains("住院号：ZY0012345"));
    assertThat(VisibleText.html(ConformanceTest.HTML.render(T, CLEAN), 1, 1).areas())
        .allSatisfy(a -> assertThat(a).contains("姓名：张三").contains("住院号：ZY0012345"));
    assertThat(VisibleText.docx(ConformanceTest.bytes(ConformanceTest.DOCX, T, CLEAN)).areas())
        .allSatisfy(a -> assertThat(a).contains("姓名：张三").contains("住院号：ZY0012345"));
    // a header that names the patient itself is left as it is: no second 姓名
    Template notes = Corpus.template("progress-note");
    Record note = Corpus.record("clean--progress-note.json", notes);
    String area = VisibleText.html(ConformanceTest.HTML.render(notes, note), 1, 1).areas()
        .get(0);
    assertThat(area.indexOf("张三")).isEqualTo(area.lastIndexOf("张三"));
  }
}

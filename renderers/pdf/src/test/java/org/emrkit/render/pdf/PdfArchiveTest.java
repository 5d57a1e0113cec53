package org.emrkit.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.Role;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.render.PrintMode;
import org.emrkit.render.PrintRequest;
import org.emrkit.render.RenderOptions;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.emrkit.testing.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Archival properties: PDF/A-2b by veraPDF, byte-identical output, bounded memory. */
class PdfArchiveTest {

  static final Clock CLOCK = Clock.fixed(OffsetDateTime.parse("2026-11-28T12:00:00+08:00")
      .toInstant(), ZoneOffset.ofHours(8));
  static final List<String[]> EXAMPLES = List.of(
      new String[] {"admission-record", "clean--admission-record.json"},
      new String[] {"first-progress-note", "clean--first-progress-note.json"},
      new String[] {"progress-note", "clean--progress-note.json"},
      new String[] {"operation-record", "clean--operation-record.json"},
      new String[] {"discharge-record", "clean--discharge-record.json"},
      new String[] {"nursing-record", "clean--nursing-record.json"});

  @BeforeAll
  static void veraPdf() {
    VeraGreenfieldFoundryProvider.initialise();
  }

  static byte[] render(PdfRenderer r, Template t, Record rec) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    r.render(t, rec, out);
    return out.toByteArray();
  }

  static List<String> violations(byte[] pdf) throws Exception {
    try (PDFAParser parser = Foundries.defaultInstance().createParser(
        new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B);
        PDFAValidator validator = Foundries.defaultInstance().createValidator(
            PDFAFlavour.PDFA_2_B, false)) {
      ValidationResult result = validator.validate(parser);
      List<String> out = new ArrayList<>();
      for (TestAssertion a : result.getTestAssertions()) {
        if (a.getStatus() == TestAssertion.Status.FAILED) {
          out.add(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": "
              + a.getMessage());
        }
      }
      assertThat(result.isCompliant()).isEqualTo(out.isEmpty());
      return out;
    }
  }

  @Test
  void continuationPrintsArePdfA2bAndTheSameEveryTime() throws Exception {
    Template t = Corpus.template("nursing-record");
    Actor nurse = new Actor("u-3001", "赵芳", Role.NURSE);
    TestClock clock = new TestClock("2026-11-30T08:00:00+08:00");
    PdfRenderer r = PdfRenderer.builder().options(RenderOptions.builder().clock(clock)
        .build()).build();
    Record rec = Corpus.record("clean--nursing-record.json", t);
    Sheets.Printed first = Sheets.print(r, t, rec, PrintRequest.of(PrintMode.ALL, nurse));
    rec = Sheets.logged(t, rec, first.outcome());
    clock.advance(Duration.ofHours(2));
    rec = Sheets.grown(t, rec, nurse, clock, "/nursingRows", List.of(Values.of(
        Map.of("observation", new Value.Str("无不适主诉。")))));
    PrintRequest next = PrintRequest.of(PrintMode.CONTINUE, nurse).offset(1.5, -2);
    Sheets.Printed a = Sheets.print(r, t, rec, next);
    Sheets.Printed b = Sheets.print(r, t, rec, next);
    assertThat(a.outcome().continuedPage()).as("a cut page").isEqualTo(1);
    assertThat(violations(a.pdf())).isEmpty();
    assertThat(a.pdf()).isEqualTo(b.pdf());
    assertThat(violations(first.pdf())).isEmpty();
  }

  @Test
  void everyExamplePdfIsPdfA2b() throws Exception {
    PdfRenderer r = PdfRenderer.builder().options(RenderOptions.builder().clock(CLOCK).watermark("仅供参考").printedBy("档案室").endMark(true).build()).build();
    for (String[] e : EXAMPLES) {
      Template t = Corpus.template(e[0]);
      byte[] pdf = render(r, t, Corpus.record(e[1], t));
      assertThat(violations(pdf)).as(e[0]).isEmpty();
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(),
            java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xmp).contains("<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>B<");
        assertThat(doc.getDocumentCatalog().getOutputIntents()).hasSize(1);
        assertThat(doc.getDocumentInformation().getTitle()).startsWith(t.heading());
      }
    }
  }

  @Test
  void theSameInputAndClockGiveTheSameBytes() {
    Template t = Corpus.template("admission-record");
    Record rec = Corpus.record("clean--admission-record.json", t);
    byte[] a = render(PdfRenderer.builder().options(RenderOptions.builder().clock(CLOCK).build()).build(), t, rec);
    byte[] b = render(PdfRenderer.builder().options(RenderOptions.builder().clock(CLOCK).build()).build(), t, rec);
    assertThat(b).isEqualTo(a);
    Clock later = Clock.offset(CLOCK, Duration.ofMinutes(1));
    assertThat(render(PdfRenderer.builder().options(RenderOptions.builder().clock(later).build()).build(), t, rec)).isNotEqualTo(a);
  }

  /** Renders {@code args[1]} progress notes to {@code args[0]}; run in a JVM limited to 96 MB. */
  public static void main(String[] args) throws IOException {
    Template notes = Corpus.template("progress-note");
    Record rec = Corpus.progressNotes(notes, Integer.parseInt(args[1]));
    // numbered 第 N 页 / 共 M 页, as an archive copy is (the bundled template, printed continued,
    // numbers 第 N 页 alone)
    Template t = new Template(notes.id(), notes.version(), notes.title(), notes.heading(),
        notes.documentType(), notes.department(), notes.locale(), notes.page(),
        notes.metadata(), notes.valueSets(), notes.pageHeader(), java.util.List.of(
            org.emrkit.template.Paragraph.of(org.emrkit.template.Text.of("第 "),
                org.emrkit.template.PageNumber.page(), org.emrkit.template.Text.of(" 页 / 共 "),
                org.emrkit.template.PageNumber.pages(), org.emrkit.template.Text.of(" 页"))),
        notes.blocks());
    try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(Path.of(args[0])))) {
      PdfRenderer.builder().options(RenderOptions.builder().clock(CLOCK).build()).build().render(t, rec, out);
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void fiveThousandPagesRenderIn96Megabytes() throws Exception {
    Path pdf = Files.createTempFile("emrkit-5000", ".pdf");
    try {
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-Xmx96m", "-cp", System.getProperty("java.class.path"),
          PdfArchiveTest.class.getName(), pdf.toString(), "24000")
          .redirectErrorStream(true).redirectOutput(new File(pdf + ".log")).start();
      assertThat(p.waitFor(110, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(Files.readString(Path.of(pdf + ".log"))).isZero();
      try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
        int n = doc.getNumberOfPages();
        assertThat(n).isGreaterThanOrEqualTo(5000);
        // four-digit page counts fit their line (the count is filled in when the document closes)
        var stripper = new org.apache.pdfbox.text.PDFTextStripper();
        stripper.setStartPage(n);
        stripper.setEndPage(n);
        assertThat(stripper.getText(doc).replaceAll("\\s", ""))
            .contains("第" + n + "页/共" + n + "页");
      }
    } finally {
      Files.deleteIfExists(pdf);
      Files.deleteIfExists(Path.of(pdf + ".log"));
    }
  }
}

package org.emrkit.render.docx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.record.ValueText;
import org.emrkit.record.Values;
import org.emrkit.template.Field;
import org.emrkit.template.FieldScope;
import org.emrkit.template.FieldType;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exported record opened by another word processor: LibreOffice (headless) converts the .docx
 * to PDF, and every value of the record must be in the PDF's text. Needs the Debian package
 * {@code libreoffice-writer-nogui}; {@code .ci/run} installs it and sets
 * {@code EMRKIT_LIBREOFFICE_REQUIRED=true}, so CI fails rather than skips without it.
 */
class LibreOfficeTest {

  static final Path SOFFICE = Path.of("/usr/bin/soffice");

  @Test
  void libreOfficePrintsEveryValue(@TempDir Path dir) throws Exception {
    requireLibreOffice();
    for (String[] c : new String[][] {{"admission-record", "clean--admission-record.json"},
        {"nursing-record", "clean--nursing-record.json"}}) {
      Template t = Corpus.template(c[0]);
      Record r = Corpus.record(c[1], t);
      Path pdf = print(dir, c[0], DocxRenderer.builder().build().render(t, r));
      String text;
      try (var doc = Loader.loadPDF(pdf.toFile())) {
        text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
      }
      int checked = check(t, t.scope(), r.values(), text);
      assertThat(checked).as(c[0]).isGreaterThan(10);
    }
  }

  @Test
  void theFrontPagePrintsFrontAndBackInLibreOffice(@TempDir Path dir) throws Exception {
    requireLibreOffice();
    Template t = Corpus.template("front-page");
    Path pdf = print(dir, "front-page", DocxRenderer.builder().build().render(t,
        Corpus.record("clean--front-page.json", t)));
    try (var doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(doc.getNumberOfPages()).as("front and back").isEqualTo(2);
      PDFTextStripper s = new PDFTextStripper();
      s.setStartPage(2);
      s.setEndPage(2);
      assertThat(s.getText(doc).replaceAll("\\s+", "")).contains("手术及操作名称", "住院费用",
          "38560.40");
    }
  }

  @Test
  void aTextsLineBreaksPrintAndItsControlCharactersDoNot(@TempDir Path dir) throws Exception {
    // a plain text's line feeds were written inside one w:t, which Word shows as spaces; a
    // vertical tab or U+0001 pasted from another program (the reader takes them) became "?"
    requireLibreOffice();
    Template t = Corpus.template("admission-record");
    Record clean = Corpus.record("clean--admission-record.json", t);
    Record r = clean.withValues(clean.values()
        .with("chiefComplaint", new Value.Str("胸闷3天\n加重1天\r\n伴气促\u000B夜间为甚\u0001"))
        .with("hpi", new Value.Str("患者3天前\u000C出现胸闷\u0007。")));
    byte[] docx = DocxRenderer.builder().build().render(t, r);
    String xml = DocxRendererTest.parts(docx).get("word/document.xml").getDocumentElement()
        .getTextContent();
    assertThat(xml).doesNotContain("?").doesNotContain("\u0001").doesNotContain("\u0007");
    List<String> lines;
    try (var doc = Loader.loadPDF(print(dir, "lines", docx).toFile())) {
      lines = List.of(new PDFTextStripper().getText(doc).split("\\R"));
    }
    // LibreOffice spaces Chinese from digits ("胸闷 3天"): compared without white space
    List<String> trimmed = lines.stream().map(l -> l.replaceAll("\\s", "")).toList();
    assertThat(trimmed).containsSubsequence("主诉", "胸闷3天", "加重1天", "伴气促", "夜间为甚");
    assertThat(trimmed).containsSubsequence("现病史", "患者3天前", "出现胸闷。");
    assertThat(String.join("", lines)).doesNotContain("?");
  }

  /** Skips the test without LibreOffice, unless .ci/run requires it. */
  static void requireLibreOffice() {
    boolean installed = Files.isExecutable(SOFFICE);
    if ("true".equals(System.getenv("EMRKIT_LIBREOFFICE_REQUIRED"))) {
      assertThat(installed).as("LibreOffice (required by .ci/run)").isTrue();
    }
    assumeTrue(installed, "LibreOffice is not installed");
  }

  /** Prints a Word document to PDF with LibreOffice (headless); returns the PDF. */
  static Path print(Path dir, String name, byte[] docx) throws Exception {
    Path file = dir.resolve(name + ".docx");
    Files.write(file, docx);
    Process p = new ProcessBuilder(SOFFICE.toString(),
        "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--headless",
        "--convert-to", "pdf", "--outdir", dir.toString(), file.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
    Path pdf = dir.resolve(name + ".pdf");
    assertThat(pdf).as(Files.readString(dir.resolve("soffice.log"))).exists();
    return pdf;
  }

  /** Asserts every stored value's text is in the PDF text; returns how many were checked. */
  static int check(Template t, FieldScope scope, Values values, String text) {
    int n = 0;
    for (Map.Entry<String, Value> e : values.asMap().entrySet()) {
      if (e.getValue() instanceof Value.Rows rows) {
        for (Values row : rows.rows()) {
          n += check(t, scope.group(e.getKey()).orElseThrow(), row, text);
        }
        continue;
      }
      Field f = scope.field(e.getKey()).orElse(null);
      if (f == null || f.type() == FieldType.BOOLEAN) {
        continue;
      }
      // a sheet row's signature prints the name alone: check the name for every signature
      String shown = (e.getValue() instanceof Value.Signed s ? s.signer().actor().name()
          : ValueText.of(t, f, e.getValue())).replaceAll("\\*\\*|[*^~]", "")
          .replaceAll("\\s+", "");
      assertThat(text).as("%s = %s", e.getKey(), shown).contains(shown);
      n++;
    }
    return n;
  }

  @Test
  void aPatientNameWithExtensionBCharactersPrintsInLibreOffice(@TempDir Path dir)
      throws Exception {
    boolean installed = Files.isExecutable(SOFFICE);
    boolean hanazono = Files.isReadable(Path.of("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"));
    if ("true".equals(System.getenv("EMRKIT_LIBREOFFICE_REQUIRED"))) {
      assertThat(installed).as("LibreOffice (required by .ci/run)").isTrue();
    }
    if ("true".equals(System.getenv("EMRKIT_FONTS_REQUIRED"))) {
      assertThat(hanazono).as("fonts-hanazono (installed by .ci/run)").isTrue();
    }
    assumeTrue(installed && hanazono, "LibreOffice or an Extension B font is not installed");
    Template t = Corpus.template("admission-record");
    Record clean = Corpus.record("clean--admission-record.json", t);
    String name = Corpus.EXT_B_NAME;
    Record r = Corpus.withPatientName(clean, name);
    try (var doc = Loader.loadPDF(print(dir, "ext-b", DocxRenderer.builder().build()
        .render(t, r)).toFile())) {
      // LibreOffice writes the fallback font's glyphs as runs of their own: read by position
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      assertThat(stripper.getText(doc).replaceAll("\\s", "")).contains("姓名：" + name);
      java.util.List<String> fonts = new java.util.ArrayList<>();
      var resources = doc.getPage(0).getResources();
      for (var f : resources.getFontNames()) {
        fonts.add(resources.getFont(f).getName());
      }
      assertThat(fonts).as("the glyphs come from the Extension B font")
          .anySatisfy(f -> assertThat(f).contains("HanaMinB"));
    }
  }
}

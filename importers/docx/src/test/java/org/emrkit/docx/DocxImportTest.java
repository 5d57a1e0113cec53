package org.emrkit.docx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emrkit.testing.Zips.entries;
import static org.emrkit.testing.Zips.zip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrkit.dsl.TemplateCompiler;
import org.emrkit.dsl.TemplateDump;
import org.emrkit.problem.Severity;
import org.emrkit.record.Context;
import org.emrkit.record.Record;
import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;
import org.emrkit.render.docx.DocxRenderer;
import org.emrkit.template.Block;
import org.emrkit.template.BlockVisitor;
import org.emrkit.template.Cell;
import org.emrkit.template.Conditional;
import org.emrkit.template.Field;
import org.emrkit.template.Inline;
import org.emrkit.template.Orientation;
import org.emrkit.template.PageNumber;
import org.emrkit.template.Paragraph;
import org.emrkit.template.RepeatGroup;
import org.emrkit.template.Section;
import org.emrkit.template.Table;
import org.emrkit.template.Template;
import org.junit.jupiter.api.Test;

class DocxImportTest {

  static final Path EXAMPLES = Path.of("../../examples/src/main/resources/templates");
  static final Path FORMS = Path.of("src/test/resources/forms");
  final DocxImporter importer = DocxImporter.builder().build();

  static List<Template> examples() throws IOException {
    List<Template> out = new ArrayList<>();
    try (var files = Files.list(EXAMPLES)) {
      for (Path p : files.filter(x -> x.toString().endsWith(".emr.md")).sorted().toList()) {
        out.add(TemplateCompiler.builder().build().compile(p).orElseThrow());
      }
    }
    return out;
  }

  static byte[] form(Template t) {
    return DocxRenderer.builder().options(RenderOptions.builder().mode(RenderMode.FORM).build()).build()
        .render(t, Record.draft("R-1", t, Context.EMPTY));
  }

  @Test
  void everyExampleTemplateRoundTripsThroughAWordForm() throws IOException {
    List<Template> examples = examples();
    assertThat(examples).hasSize(7);
    for (Template t : examples) {
      ImportResult r = importer.read(form(t), t.id() + ".docx");
      assertThat(r.diagnostics()).as(t.id()).isEmpty();
      assertThat(TemplateDump.dump(r.orElseThrow())).as(t.id()).isEqualTo(TemplateDump.dump(t));
      assertThat(r.orElseThrow()).as(t.id()).isEqualTo(t);
      // the Markdown given to the author compiles to the same template
      assertThat(TemplateCompiler.builder().build().compile(r.markdown(), t.id() + ".emr.md")
          .orElseThrow()).isEqualTo(t);
    }
  }

  /** Fields by scope path ({@code name} or {@code group/name}) → type label, in order. */
  static Map<String, String> fields(List<Block> blocks) {
    Map<String, String> out = new LinkedHashMap<>();
    new Object() {
      void walk(List<Block> bs, String prefix) {
        for (Block b : bs) {
          b.accept(new BlockVisitor<Void>() {
            public Void visitSection(Section s) {
              walk(s.children(), prefix);
              return null;
            }

            public Void visitParagraph(Paragraph p) {
              for (Inline i : p.inlines()) {
                if (i instanceof Field f) {
                  out.put(prefix + f.name(), f.type().label());
                }
              }
              return null;
            }

            public Void visitTable(Table t) {
              for (Cell c : t.cells()) {
                walk(c.content(), t.repeating() ? prefix + t.id() + "/" : prefix);
              }
              return null;
            }

            public Void visitRepeatGroup(RepeatGroup g) {
              walk(g.children(), prefix + g.id() + "/");
              return null;
            }

            public Void visitConditional(Conditional c) {
              walk(c.children(), prefix);
              return null;
            }
          });
        }
      }
    }.walk(blocks, "");
    return out;
  }

  static List<Table> tables(List<Block> blocks) {
    List<Table> out = new ArrayList<>();
    for (Block b : blocks) {
      if (b instanceof Table t) {
        out.add(t);
        t.cells().forEach(c -> out.addAll(tables(c.content())));
      } else if (b instanceof Section s) {
        out.addAll(tables(s.children()));
      }
    }
    return out;
  }

  @Test
  void aFormMadeInLibreOfficeWriterImports() {
    ImportResult r = importer.read(FORMS.resolve("outpatient-record.docx"));
    Template t = r.orElseThrow();
    assertThat(t.id()).isEqualTo("outpatient-record");
    assertThat(t.heading()).isEqualTo("门诊病历");
    assertThat(t.blocks().stream().filter(b -> b instanceof Section).map(b -> ((Section) b)
        .title())).containsExactly("主诉", "现病史", "体格检查", "诊断");
    assertThat(fields(t.blocks())).containsExactly(
        Map.entry("patientName", "macro"), Map.entry("field1", "date"),
        Map.entry("field2", "choice"), Map.entry("field3", "richtext"),
        Map.entry("hpi", "richtext"), Map.entry("field4", "boolean"),
        Map.entry("temp", "decimal"), Map.entry("pulse", "integer"), Map.entry("sbp", "integer"),
        Map.entry("dbp", "integer"), Map.entry("specialExam", "richtext"),
        Map.entry("powerLeft", "choice"), Map.entry("powerRight", "choice"),
        Map.entry("spo2", "integer"), Map.entry("diagnosis", "coded"),
        Map.entry("doctorSignature", "signature"));
    assertThat(t.valueSet("field2-values").orElseThrow().concepts()).extracting(c -> c.code()
        + "=" + c.display()).containsExactly("1=男", "2=女");
    List<Table> tables = tables(t.blocks());
    assertThat(tables).hasSize(2);
    Table vitals = tables.get(0);
    assertThat(vitals.rows()).isEqualTo(5);
    assertThat(vitals.columns()).isEqualTo(4);
    assertThat(vitals.headerRows()).isEqualTo(1);
    assertThat(vitals.cellAt(2, 1).colSpan()).isEqualTo(3);
    assertThat(vitals.cellAt(3, 0).rowSpan()).isEqualTo(2);
    assertThat(vitals.cellAt(4, 1).content()).anyMatch(b -> b instanceof Table);
    assertThat(tables.get(1).rows()).isEqualTo(2);
    assertThat(t.pageFooter()).hasSize(1);
    assertThat(((Paragraph) t.pageFooter().get(0)).inlines()).contains(PageNumber.page(),
        PageNumber.pages());
    // the content controls without a tag are named, and each warning says where it was
    assertThat(r.diagnostics()).extracting(ImportDiagnostic::code).containsOnly(
        "docx/unnamed-control");
    assertThat(r.diagnostics()).extracting(ImportDiagnostic::where).containsExactly(
        "paragraph 2 “姓名：{{patient…”", "paragraph 3 “性别：男”", "paragraph 5 “请输入主诉”",
        "paragraph 8 “过敏史：☐ 有药物过敏”");
    assertThat(r.markdown()).contains("{{field2: choice label=\"性别\" valueset=@field2-values}}",
        "| ^ | 肌力：{{> table-2}} | < | < |");
  }

  @Test
  void aLandscapeFormWithTwoHeaderRowsImports() {
    ImportResult r = importer.read(FORMS.resolve("nursing-assessment.docx"));
    Template t = r.orElseThrow();
    assertThat(t.page().orientation()).isEqualTo(Orientation.LANDSCAPE);
    Table table = tables(t.blocks()).get(0);
    assertThat(table.headerRows()).isEqualTo(2);
    assertThat(table.cellAt(0, 0).rowSpan()).isEqualTo(2);
    assertThat(table.cellAt(0, 1).colSpan()).isEqualTo(3);
    assertThat(table.cellAt(0, 4).rowSpan()).isEqualTo(2);
    assertThat(fields(t.blocks())).containsKeys("at", "t", "p", "r", "field1", "nurse",
        "field2", "field3");
    assertThat(fields(t.pageHeader())).containsEntry("ward", "macro");
    // a checkbox alone in a cell is labelled by the header over its column
    assertThat(r.markdown()).contains("{{field1: boolean label=\"跌倒高风险\"}}");
    // a typo in a literal field is named, with its paragraph, and the text is kept
    ImportDiagnostic typo = r.diagnostics().stream()
        .filter(d -> d.code().equals("docx/literal-field")).findFirst().orElseThrow();
    assertThat(typo.where()).startsWith("paragraph 17");
    assertThat(typo.severity()).isEqualTo(Severity.WARNING);
    assertThat(typo.zh()).contains("{{remark: txt}}", "未知的字段类型");
    assertThat(r.markdown()).contains("备注：\\{\\{remark\\: txt\\}\\}");
  }

  // ------------------------------------------------------------------ hostile files

  static byte[] valid() throws IOException {
    return Files.readAllBytes(FORMS.resolve("outpatient-record.docx"));
  }

  ImportDiagnostic onlyError(ImportResult r) {
    assertThat(r.get()).isEmpty();
    assertThat(r.diagnostics()).hasSize(1);
    ImportDiagnostic d = r.diagnostics().get(0);
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    return d;
  }

  @Test
  void aZipBombIsRefused() throws IOException {
    Map<String, byte[]> e = entries(valid());
    e.put("word/media/bomb.bin", new byte[60 * 1024 * 1024]); // 60 MiB of zeros: ratio ~0.001
    ImportDiagnostic d = onlyError(importer.read(zip(e), "bomb.docx"));
    assertThat(d.code()).isEqualTo("docx/zip-bomb");
    assertThat(d.en()).contains("zip bomb");
    assertThat(d.zh()).contains("zip 炸弹");
  }

  @Test
  void partsEachUnderTheEntryLimitButTooLargeTogetherAreRefusedBeforePoiOpensThem()
      throws IOException {
    // sixteen parts of 60 MB, each compressing above POI's 1% ratio, took 1.3 GB; here four
    // parts of 3 MiB of two-letter text (about 8:1) against a limit of 8 MiB
    Map<String, byte[]> e = entries(valid());
    java.util.SplittableRandom r = new java.util.SplittableRandom(7);
    for (int i = 0; i < 4; i++) {
      byte[] b = new byte[3 * 1024 * 1024];
      for (int k = 0; k < b.length; k++) {
        b[k] = r.nextBoolean() ? (byte) 'a' : (byte) 'b';
      }
      e.put("word/media/part" + i + ".bin", b);
    }
    e.put("[Content_Types].xml", new String(e.get("[Content_Types].xml"), StandardCharsets.UTF_8)
        .replace("<Default ", "<Default Extension=\"bin\" ContentType=\"application/octet-stream\"/>"
            + "<Default ").getBytes(StandardCharsets.UTF_8));
    ImportResult result = DocxImporter.builder().maxUnzippedBytes(8L * 1024 * 1024).build()
        .read(zip(e), "big.docx");
    ImportDiagnostic d = onlyError(result);
    assertThat(d.code()).isEqualTo("docx/zip-bomb");
    assertThat(d.en()).contains("unzips to more than 8 MiB");
    assertThat(d.zh()).contains("zip 炸弹");
    ImportResult fine = importer.read(zip(e), "fine.docx");
    assertThat(fine.get()).as("within the default limit: %s", fine.diagnostics()).isPresent();
  }

  @Test
  void xmlNestedDeeperThanAWordDocumentIsRefusedBeforePoiRecurses() throws IOException {
    // 100,000 nested runs overflowed the stack in POI's parser
    Map<String, byte[]> e = entries(valid());
    String doc = new String(e.get("word/document.xml"), StandardCharsets.UTF_8);
    // random attributes, so the part does not compress like a zip bomb and reaches the parser
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    StringBuilder open = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      open.append("<w:r w:rsidR=\"").append(Integer.toHexString(random.nextInt())).append("\">");
    }
    String deep = "<w:p>" + open + "</w:r>".repeat(100_000) + "</w:p>";
    e.put("word/document.xml", doc.replaceFirst("<w:body>", "<w:body>" + deep)
        .getBytes(StandardCharsets.UTF_8));
    ImportDiagnostic d = onlyError(importer.read(zip(e), "deep.docx"));
    assertThat(d.code()).isEqualTo("docx/too-deep");
    assertThat(d.en()).contains("word/document.xml", "deeper than 256");
  }

  /** A paragraph of line breaks alone holds nothing to import (Word writes them for spacing). */
  @Test
  void aParagraphOfLineBreaksAloneIsLeftOut() throws IOException {
    Map<String, byte[]> e = entries(valid());
    String doc = new String(e.get("word/document.xml"), StandardCharsets.UTF_8);
    e.put("word/document.xml", doc.replaceFirst("<w:body>", "<w:body><w:p><w:r><w:br/>"
        + "</w:r><w:r><w:br/></w:r></w:p>").getBytes(StandardCharsets.UTF_8));
    ImportResult withBreaks = importer.read(zip(e), "breaks.docx");
    ImportResult plain = importer.read(valid(), "breaks.docx");
    assertThat(withBreaks.get()).as("%s", withBreaks.diagnostics()).isPresent();
    assertThat(withBreaks.get().orElseThrow().blocks())
        .isEqualTo(plain.get().orElseThrow().blocks());
  }

  @Test
  void tooManyPartsAreRefused() throws IOException {
    Map<String, byte[]> e = entries(valid());
    for (int i = 0; i < 1100; i++) {
      e.put("customXml/item" + i + ".xml", ("<x>" + i + "</x>").getBytes(StandardCharsets.UTF_8));
    }
    ImportDiagnostic d = onlyError(importer.read(zip(e), "many.docx"));
    assertThat(d.code()).isEqualTo("docx/too-many-parts");
    assertThat(d.en()).contains("more than 1,000 parts");
  }

  @Test
  void macrosAreRefused() throws IOException {
    Map<String, byte[]> e = entries(valid());
    e.put("word/vbaProject.bin", new byte[] {1, 2, 3});
    String types = new String(e.get("[Content_Types].xml"), StandardCharsets.UTF_8).replace(
        "</Types>", "<Override PartName=\"/word/vbaProject.bin\" ContentType=\""
            + "application/vnd.ms-office.vbaProject\"/></Types>");
    e.put("[Content_Types].xml", types.getBytes(StandardCharsets.UTF_8));
    ImportDiagnostic d = onlyError(importer.read(zip(e), "macro.docm"));
    assertThat(d.code()).isEqualTo("docx/macros");
    assertThat(d.zh()).contains("宏");
  }

  @Test
  void externalEntitiesAreNotResolved() throws IOException {
    Path secret = Files.createTempFile("emrkit-secret", ".txt");
    Files.writeString(secret, "TOP-SECRET-VALUE");
    Map<String, byte[]> e = entries(valid());
    String doc = new String(e.get("word/document.xml"), StandardCharsets.UTF_8);
    doc = doc.replaceFirst("<\\?xml[^>]*\\?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>")
        .replace("门诊病历</w:t>", "&xxe;</w:t>");
    e.put("word/document.xml", doc.getBytes(StandardCharsets.UTF_8));
    ImportResult r = importer.read(zip(e), "xxe.docx");
    ImportDiagnostic d = onlyError(r);
    assertThat(d.toString()).doesNotContain("TOP-SECRET-VALUE");
    assertThat(d.code()).isEqualTo("docx/doctype");
  }

  @Test
  void notAWordDocumentOrTooLarge() throws IOException {
    assertThat(onlyError(importer.read("not a zip".getBytes(StandardCharsets.UTF_8), "x.docx"))
        .code()).isEqualTo("docx/unreadable");
    assertThat(onlyError(DocxImporter.builder().maxBytes(2048).build().read(valid(), "big.docx"))
        .code()).isEqualTo("docx/too-large");
  }

  @Test
  void comboBoxesPlainTextControlsAndLegacyFormFieldsBecomeFields() throws IOException {
    Map<String, byte[]> e = entries(valid());
    String doc = new String(e.get("word/document.xml"), StandardCharsets.UTF_8);
    String w14 = "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\"";
    String added = "<w:p><w:r><w:t>情绪：</w:t></w:r><w:sdt><w:sdtPr><w:tag w:val=\"mood\"/>"
        + "<w:comboBox><w:listItem w:displayText=\"平稳\" w:value=\"平稳\"/>"
        + "<w:listItem w:displayText=\"焦虑\" w:value=\"焦虑\"/></w:comboBox></w:sdtPr>"
        + "<w:sdtContent><w:r><w:t>平稳</w:t></w:r></w:sdtContent></w:sdt>"
        + "<w:r><w:t>　备注：</w:t></w:r><w:sdt><w:sdtPr><w:alias w:val=\"remark\"/><w:text/>"
        + "</w:sdtPr><w:sdtContent><w:r><w:t>无</w:t></w:r></w:sdtContent></w:sdt>"
        + "<w:sdt><w:sdtPr><w:tag w:val=\"ok\"/><w14:checkbox " + w14 + "><w14:checked "
        + "w14:val=\"0\"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☐</w:t></w:r>"
        + "</w:sdtContent></w:sdt></w:p>"
        + "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:name w:val=\"smoker\"/>"
        + "<w:checkBox><w:default w:val=\"0\"/></w:checkBox></w:ffData></w:fldChar></w:r>"
        + "<w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:name w:val=\"grade\"/>"
        + "<w:ddList><w:listEntry w:val=\"I级\"/><w:listEntry w:val=\"II级\"/></w:ddList>"
        + "</w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMDROPDOWN </w:instrText></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>I级</w:t></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:name w:val=\"seenOn\"/>"
        + "<w:textInput><w:type w:val=\"date\"/></w:textInput></w:ffData></w:fldChar></w:r>"
        + "<w:r><w:instrText> FORMTEXT </w:instrText></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2026-11-20</w:t></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>";
    int at = doc.lastIndexOf("<w:sectPr");
    doc = doc.substring(0, at) + added + doc.substring(at);
    e.put("word/document.xml", doc.getBytes(StandardCharsets.UTF_8));
    ImportResult r = importer.read(zip(e), "more.docx");
    Map<String, String> fields = fields(r.orElseThrow().blocks());
    assertThat(fields).containsEntry("mood", "choice").containsEntry("remark", "text")
        .containsEntry("ok", "boolean").containsEntry("smoker", "boolean")
        .containsEntry("grade", "choice").containsEntry("seenOn", "date");
    assertThat(r.diagnostics()).anyMatch(d -> d.code().equals("docx/combo-box"));
    assertThat(r.markdown()).contains("{{mood: choice options=\"平稳|焦虑\"}}",
        "{{grade: choice options=\"I级|II级\"}}").doesNotContain("2026-11-20");
  }

  @Test
  void whatCannotBeMappedIsNamed() throws IOException {
    Map<String, byte[]> e = entries(valid());
    String doc = new String(e.get("word/document.xml"), StandardCharsets.UTF_8);
    int at = doc.indexOf("过敏史：</w:t>") + "过敏史：</w:t>".length();
    assertThat(at).isGreaterThan(20);
    doc = doc.substring(0, at) + "<w:drawing/>" + doc.substring(at);
    doc = doc.replaceFirst("<w:p>", "<w:altChunk r:id=\"x\" xmlns:r=\"http://schemas."
        + "openxmlformats.org/officeDocument/2006/relationships\"/><w:p>");
    e.put("word/document.xml", doc.getBytes(StandardCharsets.UTF_8));
    ImportResult r = importer.read(zip(e), "odd.docx");
    assertThat(r.get()).isPresent();
    assertThat(r.diagnostics()).anyMatch(d -> d.code().equals("docx/image")
        && d.where().startsWith("paragraph 8"));
    assertThat(r.diagnostics()).anyMatch(d -> d.code().equals("docx/unsupported")
        && d.en().contains("w:altChunk"));
  }
}

package org.emrkit.render.docx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.emrkit.dsl.TemplateDecompiler;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.record.ValueText;
import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;
import org.emrkit.template.Block;
import org.emrkit.template.Cell;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.template.Inline;
import org.emrkit.template.Paragraph;
import org.emrkit.template.Section;
import org.emrkit.template.Table;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The XML DocxRenderer writes, checked against the model it came from. */
class DocxRendererTest {

  static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  static final Template ADMISSION = Corpus.template("admission-record");
  static final Record ADMISSION_RECORD = Corpus.record("clean--admission-record.json", ADMISSION);
  static final Template NURSING = Corpus.template("nursing-record");
  static final Record NURSING_RECORD = Corpus.record("clean--nursing-record.json", NURSING);

  static Map<String, Document> parts(byte[] docx) throws Exception {
    Map<String, Document> out = new LinkedHashMap<>();
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        if (e.getName().endsWith(".xml")) {
          out.put(e.getName(), f.newDocumentBuilder().parse(new ByteArrayInputStream(
              z.readAllBytes())));
        }
      }
    }
    return out;
  }

  static List<Element> all(Node in, String local) {
    NodeList l = in instanceof Document d ? d.getElementsByTagNameNS(W, local)
        : ((Element) in).getElementsByTagNameNS(W, local);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < l.getLength(); i++) {
      out.add((Element) l.item(i));
    }
    return out;
  }

  static List<Element> kids(Element e, String local) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && W.equals(c.getNamespaceURI())
          && local.equals(c.getLocalName())) {
        out.add(c);
      }
    }
    return out;
  }

  static Element kid(Element e, String local) {
    List<Element> k = kids(e, local);
    return k.isEmpty() ? null : k.get(0);
  }

  static String val(Element e) {
    return e == null ? null : e.getAttributeNS(W, "val");
  }

  /** Tables of a template in document order (nested ones right after their parent's cells). */
  static List<Table> tables(List<Block> blocks) {
    List<Table> out = new ArrayList<>();
    for (Block b : blocks) {
      if (b instanceof Table t) {
        out.add(t);
        for (Cell c : t.cells()) {
          out.addAll(tables(c.content()));
        }
      } else if (b instanceof Section s) {
        out.addAll(tables(s.children()));
      }
    }
    return out;
  }

  /**
   * What a row of the model must look like in Word: per cell, its grid span and its vertical
   * merge ({@code -} none, {@code restart}, {@code continue}).
   */
  static List<String> expectedRow(Table t, int r) {
    List<String> out = new ArrayList<>();
    int c = 0;
    while (c < t.columns()) {
      Cell cell = t.cellAt(r, c);
      String merge = cell.rowSpan() == 1 ? "-" : cell.row() == r ? "restart" : "continue";
      out.add(cell.colSpan() + "/" + merge);
      c = cell.column() + cell.colSpan();
    }
    return out;
  }

  static List<String> actualRow(Element tr) {
    List<String> out = new ArrayList<>();
    for (Element tc : kids(tr, "tc")) {
      Element pr = kid(tc, "tcPr");
      Element span = kid(pr, "gridSpan");
      Element merge = kid(pr, "vMerge");
      out.add((span == null ? "1" : val(span)) + "/" + (merge == null ? "-" : val(merge)));
    }
    return out;
  }

  @Test
  void aPatientNameWithAControlCharacterLeavesEveryPartReadableXml() throws Exception {
    // the document's title (with the patient's name) went into docProps/core.xml as &#1;,
    // which no XML 1.0 reader reads: Word would refuse the file
    Record named = Corpus.withPatientName(ADMISSION_RECORD, "张三\u0001");
    Map<String, Document> p = parts(DocxRenderer.builder().build().render(ADMISSION, named));
    assertThat(p.get("docProps/core.xml").getDocumentElement().getTextContent()).contains("张三")
        .doesNotContain("\u0001");
    assertThat(p.get("word/document.xml").getDocumentElement().getTextContent())
        .doesNotContain("\u0001");
  }

  @Test
  void aTablesStyleIsItsLinesAlignmentSizeAndBoldHeader() throws Exception {
    Table t = Table.builder(2, 2).headerRows(1).cell(0, 0, "日期").cell(0, 1, "体温")
        .cell(1, 0, "2026-11-20").cell(1, 1, "36.8").build()
        .withStyle(new org.emrkit.template.TableStyle(true, true, 9.0, List.of(
            org.emrkit.template.TableStyle.Align.LEFT,
            org.emrkit.template.TableStyle.Align.RIGHT)));
    Template template = Template.builder("s", "1.0.0", "样式").table(t).build();
    Document doc = parts(DocxRenderer.builder().build().render(template,
        Record.draft("R-1", template, org.emrkit.record.Context.EMPTY))).get("word/document.xml");
    Element tbl = all(doc, "tbl").get(0);
    assertThat(all(all(tbl, "tblBorders").get(0), "insideH").get(0).getAttributeNS(W, "val"))
        .isEqualTo("none");
    assertThat(all(tbl, "shd")).as("no header shading without lines").isEmpty();
    List<Element> cells = all(tbl, "tc");
    // the header centred and bold, the body's second column right-aligned, all at 9 pt
    assertThat(all(cells.get(0), "jc").get(0).getAttributeNS(W, "val")).isEqualTo("center");
    assertThat(all(cells.get(0), "b")).isNotEmpty();
    assertThat(all(cells.get(2), "jc")).isEmpty();
    assertThat(all(cells.get(3), "jc").get(0).getAttributeNS(W, "val")).isEqualTo("right");
    assertThat(all(cells.get(2), "b")).isEmpty();
    for (Element sz : all(tbl, "sz")) {
      assertThat(sz.getAttributeNS(W, "val")).isEqualTo("18");
    }
    assertThat(all(tbl, "sz")).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void tablesHaveTheModelsSpansHeaderRowsAndGrid() throws Exception {
    Document doc = parts(DocxRenderer.builder().build().render(ADMISSION, ADMISSION_RECORD))
        .get("word/document.xml");
    List<Table> model = tables(ADMISSION.blocks());
    List<Element> xml = all(doc, "tbl");
    assertThat(xml).hasSameSizeAs(model);
    int spans = 0;
    int merges = 0;
    for (int i = 0; i < model.size(); i++) {
      Table t = model.get(i);
      Element tbl = xml.get(i);
      List<Element> grid = kids(kid(tbl, "tblGrid"), "gridCol");
      assertThat(grid).as("table %d grid", i).hasSize(t.columns());
      List<Double> w = grid.stream().map(g -> Double.parseDouble(g.getAttributeNS(W, "w")))
          .toList();
      double sum = w.stream().mapToDouble(Double::doubleValue).sum();
      double modelSum = t.widths().stream().mapToDouble(Double::doubleValue).sum();
      for (int c = 0; c < t.columns(); c++) {
        // the model's proportions, nudged by ColumnWidths where a short label or a date needs
        // its width (core tests the rule); never narrower than a character and its margins
        assertThat(w.get(c) / sum).isCloseTo(t.widths().get(c) / modelSum,
            org.assertj.core.data.Offset.offset(0.03));
        assertThat(w.get(c)).isGreaterThanOrEqualTo(210 + 216 - 1);
      }
      List<Element> rows = kids(tbl, "tr");
      assertThat(rows).hasSize(t.rows());
      for (int r = 0; r < t.rows(); r++) {
        assertThat(actualRow(rows.get(r))).as("table %d row %d", i, r)
            .isEqualTo(expectedRow(t, r));
        Element trPr = kid(rows.get(r), "trPr");
        assertThat(trPr != null && kid(trPr, "tblHeader") != null).as("header row %d", r)
            .isEqualTo(r < t.headerRows());
        spans += (int) actualRow(rows.get(r)).stream().filter(s -> !s.startsWith("1/")).count();
        merges += (int) actualRow(rows.get(r)).stream().filter(s -> s.endsWith("continue"))
            .count();
      }
    }
    assertThat(spans).as("the admission record has column spans").isPositive();
    assertThat(merges).as("and row spans").isPositive();
    // the nested table sits inside a cell of the table before it
    Element nested = xml.get(model.size() - 1);
    assertThat(nested.getParentNode().getLocalName()).isEqualTo("tc");
  }

  @Test
  void repeatingRowsFollowTheRecordsEntries() throws Exception {
    Document doc = parts(DocxRenderer.builder().build().render(NURSING, NURSING_RECORD))
        .get("word/document.xml");
    Table t = tables(NURSING.blocks()).get(0);
    assertThat(t.repeating()).isTrue();
    int entries = NURSING_RECORD.values().rows(t.id()).size();
    assertThat(entries).isEqualTo(2);
    assertThat(kids(all(doc, "tbl").get(0), "tr")).hasSize(t.rows() - 1 + entries);
    String text = doc.getDocumentElement().getTextContent();
    assertThat(text).contains("患者入院，介绍环境。", "无胸闷。", "温开水");
    Element sect = all(doc, "sectPr").get(0);
    Element size = kid(sect, "pgSz");
    assertThat(Integer.parseInt(size.getAttributeNS(W, "w")))
        .isGreaterThan(Integer.parseInt(size.getAttributeNS(W, "h")));
    assertThat(size.getAttributeNS(W, "orient")).isEqualTo("landscape");
  }

  @Test
  void valuesAreInPlaceWithFontsAndPageNumbers() throws Exception {
    Map<String, Document> parts = parts(DocxRenderer.builder().build()
        .render(ADMISSION, ADMISSION_RECORD));
    Document doc = parts.get("word/document.xml");
    String text = doc.getDocumentElement().getTextContent();
    for (Map.Entry<String, Value> e : ADMISSION_RECORD.values().asMap().entrySet()) {
      Field f = field(ADMISSION, e.getKey());
      if (f != null && f.type() != FieldType.BOOLEAN && f.type() != FieldType.RICHTEXT) {
        assertThat(text).as(e.getKey()).contains(ValueText.of(ADMISSION, f, e.getValue()));
      }
    }
    assertThat(text).contains("张三", "入院记录", "SpO2");
    // every run names its East Asian font
    for (Element r : all(doc, "r")) {
      Element fonts = kid(kid(r, "rPr"), "rFonts");
      assertThat(fonts).isNotNull();
      assertThat(fonts.getAttributeNS(W, "eastAsia")).isEqualTo("Microsoft YaHei");
    }
    // subscript as Word's vertical alignment
    assertThat(all(doc, "vertAlign")).extracting(DocxRendererTest::val).contains("subscript");
    // the footer has PAGE and NUMPAGES fields; the section points at header and footer
    String footer = parts.entrySet().stream().filter(e -> e.getKey().startsWith("word/footer"))
        .map(e -> e.getValue()).findFirst().orElseThrow().getDocumentElement().getTextContent();
    assertThat(footer).contains("第", "页");
    List<String> instr = parts.entrySet().stream().filter(e -> e.getKey().startsWith("word/footer"))
        .flatMap(e -> all(e.getValue(), "fldSimple").stream())
        .map(x -> x.getAttributeNS(W, "instr").strip()).toList();
    assertThat(instr).containsExactly("PAGE", "NUMPAGES");
    Element sect = all(doc, "sectPr").get(0);
    assertThat(kids(sect, "headerReference")).hasSize(1);
    assertThat(kids(sect, "footerReference")).hasSize(1);
    // hidden content is left out: the record is of a man, so no 月经史
    assertThat(text).doesNotContain("月经史");
  }

  static Field field(Template t, String name) {
    return t.scope().field(name).orElse(null);
  }

  @Test
  void formModeMakesEveryFieldAContentControl() throws Exception {
    Document doc = parts(DocxRenderer.builder().options(RenderOptions.builder().mode(RenderMode.FORM).build()).build()
        .render(ADMISSION, ADMISSION_RECORD)).get("word/document.xml");
    Map<String, Element> byTag = new LinkedHashMap<>();
    for (Element sdt : all(doc, "sdt")) {
      byTag.put(val(kid(kid(sdt, "sdtPr"), "tag")), kid(sdt, "sdtPr"));
    }
    List<Field> fields = new ArrayList<>();
    collect(ADMISSION.blocks(), fields);
    assertThat(fields).hasSizeGreaterThan(30);
    for (Field f : fields) {
      String spec = TemplateDecompiler.field(f);
      Element pr = byTag.get(spec.substring(2, spec.length() - 2));
      assertThat(pr).as("content control for %s", f.name()).isNotNull();
      switch (f.type()) {
        case CHOICE -> assertThat(all(pr, "listItem")).isNotEmpty();
        case DATE, DATETIME -> assertThat(kid(pr, "date")).isNotNull();
        case RICHTEXT -> assertThat(kid(pr, "richText")).isNotNull();
        case BOOLEAN -> assertThat(pr.getElementsByTagNameNS(DocxFields.W14, "checkbox")
            .getLength()).isEqualTo(1);
        default -> assertThat(kid(pr, "text")).isNotNull();
      }
    }
    // sections are block controls tagged with their heading; hidden content is there too
    assertThat(byTag.keySet()).anyMatch(k -> k.startsWith("## 主诉 {#chief-complaint"));
    assertThat(doc.getDocumentElement().getTextContent()).contains("月经史");
    // tables carry their attributes
    assertThat(all(doc, "tblCaption")).extracting(DocxRendererTest::val)
        .anyMatch(v -> v.startsWith("{: #vitals"));
  }

  static void collect(List<Block> blocks, List<Field> out) {
    for (Block b : blocks) {
      if (b instanceof Paragraph p) {
        for (Inline i : p.inlines()) {
          if (i instanceof Field f) {
            out.add(f);
          }
        }
      } else if (b instanceof Section s) {
        collect(s.children(), out);
      } else if (b instanceof Table t) {
        t.cells().forEach(c -> collect(c.content(), out));
      } else if (b instanceof org.emrkit.template.RepeatGroup g) {
        collect(g.children(), out);
      } else if (b instanceof org.emrkit.template.Conditional c) {
        collect(c.children(), out);
      }
    }
  }

  @Test
  void endMarkAndPrintStampAsInThePdf() throws Exception {
    java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse(
        "2026-11-28T04:00:00Z"), java.time.ZoneOffset.ofHours(8));
    Map<String, Document> parts = parts(DocxRenderer.builder().options(RenderOptions.builder().clock(clock).endMark(true).printedBy("王医生").build()).build().render(ADMISSION, ADMISSION_RECORD));
    assertThat(parts.get("word/document.xml").getDocumentElement().getTextContent())
        .endsWith("（以下空白）");
    assertThat(parts.entrySet().stream().filter(e -> e.getKey().startsWith("word/footer"))
        .map(e -> e.getValue().getDocumentElement().getTextContent()).findFirst().orElseThrow())
        .contains("打印人：王医生　打印时间：2026-11-28 12:00");
  }

  @Test
  void aRecordForAnotherTemplateIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DocxRenderer.builder().build()
        .render(NURSING, ADMISSION_RECORD)).isInstanceOf(org.emrkit.render.RenderException.class)
        .hasMessageContaining("names template")
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(
            ((org.emrkit.render.RenderException) e).code()).isEqualTo("render/template-mismatch"));
  }
}

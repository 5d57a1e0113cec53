package org.emrkit.render.docx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlOptionCharEscapeMap;
import org.emrkit.dsl.TemplateDecompiler;
import org.emrkit.problem.Message;
import org.emrkit.record.Record;
import org.emrkit.render.RecordRenderer;
import org.emrkit.render.RecordWalk;
import org.emrkit.render.RenderException;
import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;
import org.emrkit.render.WalkTarget;
import org.emrkit.template.PageSetup;
import org.emrkit.template.Template;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHdrFtr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPBdr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;

/**
 * Writes a record as a Word document (.docx, Office Open XML, through Apache POI XWPF) with what
 * the shared {@link RecordWalk} resolves, laid out as the PDF is: title, patient banner, sections
 * as headings (Heading 1–3 styles, so Word's navigation pane lists them), values in place (units,
 * checkboxes ☑/☐, rich text with bold, italic, super- and subscript), tables with
 * {@code w:gridSpan} and {@code w:vMerge}, nested tables, header rows marked {@code w:tblHeader}
 * (repeated on every page), column widths on {@code w:tblGrid}, repeating rows per record entry,
 * page size, orientation and margins, running header and footer (with {@code PAGE} and
 * {@code NUMPAGES} fields, tables and conditional content), a watermark when the options ask for
 * one, and an East Asian font on every run.
 *
 * <p>In {@link RenderMode#FORM} the document is an editable form: every field is a Word content
 * control ({@code w:sdt}) whose tag is the field as EMR Markdown writes it
 * ({@code chiefComplaint: text required maxLength=20}), of the kind that fits its type; sections,
 * repeat groups and conditional content are block-level content controls tagged with their EMR
 * Markdown header, tables carry their attributes in {@code w:tblCaption}, and the template's front
 * matter and value sets travel in a custom document property. The Word form importer reads such
 * a document back to an equal template.
 *
 * <p>POI saves every part with shared options; {@link Builder#build()} sets one of them JVM-wide,
 * idempotently: a tab in an attribute is written {@code &#9;}, so that a tag holding a tab reads
 * back as a tab (XML parsers normalise white space in attribute values). A character reference
 * means the same to every XML reader.
 *
 * <p>Immutable and thread-safe; build one with {@link #builder()}.
 */
public final class DocxRenderer implements RecordRenderer {

  /** The custom document property that carries the template's front matter and value sets. */
  static final String PREAMBLE_PROPERTY = "emrkit-template";

  private final RenderOptions options;
  private final String eastAsiaFont;
  private final String latinFont;

  private DocxRenderer(Builder b) {
    this.options = b.options;
    this.eastAsiaFont = b.eastAsiaFont;
    this.latinFont = b.latinFont;
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The options this renderer was built with. */
  public RenderOptions options() {
    return options;
  }

  /** Writes the record as .docx to {@code out} (not closed). */
  @Override
  public void render(Template template, Record record, OutputStream out) {
    Objects.requireNonNull(out, "out");
    RecordWalk walk = RecordWalk.forRendering(template, record, options);
    boolean form = options.mode() == RenderMode.FORM;
    try (XWPFDocument doc = new XWPFDocument()) {
      WordRuns runs = new WordRuns(latinFont, eastAsiaFont);
      DocxFields fields = new DocxFields(runs, template, form);
      runs.styles(doc);
      PageSetup page = template.page();
      int width = WordRuns.twips(page.widthMm() - page.marginLeftMm() - page.marginRightMm());
      CTBody body = doc.getDocument().getBody();
      walk.body(target(new DocxTarget(doc, runs, fields, form,
          DocxTarget.Sink.of(body::addNewP, body::addNewTbl, body::addNewSdt), width), form));
      XWPFHeaderFooter header = doc.createHeader(HeaderFooterType.DEFAULT);
      area(doc, header, runs, fields, form, width, walk::header, true);
      area(doc, doc.createFooter(HeaderFooterType.DEFAULT), runs, fields, form, width,
          walk::footer, false);
      WordRuns.page(body, page);
      if (walk.watermark().isPresent()) {
        // a text watermark (VML text path) behind every page, as Word's own watermark dialog
        // makes it
        XWPFHeaderFooterPolicy policy = new XWPFHeaderFooterPolicy(doc);
        policy.createWatermark(walk.watermark().get());
        // POI puts the watermark in new first-page and even-page headers, which no page uses
        // (no titlePg, no even/odd headers): the header every page has carries it too
        CTP mark = faint(policy.getFirstPageHeader()._getHdrFtr().getPArray(0));
        header._getHdrFtr().getPArray(0).addNewR().set(mark.getRArray(0));
      }
      var props = doc.getProperties();
      // as the text prints: POI writes a control character into core.xml as &#1;, which no
      // XML 1.0 reader reads
      props.getCoreProperties().setTitle(org.emrkit.record.ValueText.printable(
          walk.documentTitle()));
      props.getCoreProperties().setCreator(walk.author() == null ? null
          : org.emrkit.record.ValueText.printable(walk.author()));
      if (form) {
        props.getCustomProperties().addProperty(PREAMBLE_PROPERTY, preamble(template));
      }
      doc.write(out);
    } catch (IOException e) {
      throw new RenderException("render/io", "", Message.of("无法写出 Word 文档：" + e.getMessage(),
          "could not write the Word document: " + e.getMessage()), e);
    }
  }

  private static WalkTarget target(DocxTarget target, boolean form) {
    return form ? new FirstEntries(target) : target;
  }

  private static void area(XWPFDocument doc, XWPFHeaderFooter area, WordRuns runs,
      DocxFields fields, boolean form, int width, java.util.function.Consumer<WalkTarget> walk,
      boolean header) {
    CTHdrFtr ct = area._getHdrFtr();
    walk.accept(target(new DocxTarget(doc, runs, fields, form,
        DocxTarget.Sink.of(ct::addNewP, ct::addNewTbl, ct::addNewSdt), width), form));
    if (ct.sizeOfPArray() == 0 && ct.sizeOfTblArray() == 0 && ct.sizeOfSdtArray() == 0) {
      ct.addNewP();
    } else if (!form) {
      pageArea(ct, header);
    }
  }

  /**
   * POI's watermark as Word's own dialog makes it, and as the PDF and HTML view print theirs:
   * light grey, half transparent, across the page at 45° (POI's is solid black, level, and hides
   * the text under it).
   */
  private static CTP faint(CTP watermark) throws IOException {
    String xml = watermark.xmlText()
        .replace("fillcolor=\"black\"", "fillcolor=\"#d9d9d9\"")
        .replace("position:absolute;", "position:absolute;rotation:315;")
        .replace("font-family:&quot;Cambria&quot;", "font-family:&quot;Microsoft YaHei&quot;");
    xml = xml.replaceFirst("<(\\w+):textpath style=", "<$1:fill opacity=\".35\"/><$1:textpath style=");
    try {
      return CTP.Factory.parse(xml);
    } catch (org.apache.xmlbeans.XmlException e) {
      throw new IOException("could not restyle the watermark", e);
    }
  }

  /**
   * The running header's and footer's lines as the PDF and the browser print them: small type
   * (9 pt), centred (the print stamp keeps its own right alignment), a rule under the header.
   */
  private static void pageArea(CTHdrFtr ct, boolean header) {
    java.math.BigInteger nine = java.math.BigInteger.valueOf(18);
    for (CTP p : ct.getPList()) {
      CTPPr ppr = p.isSetPPr() ? p.getPPr() : p.addNewPPr();
      if (!ppr.isSetJc()) {
        ppr.addNewJc().setVal(STJc.CENTER);
      }
      for (var r : p.getRList()) {
        var rpr = r.isSetRPr() ? r.getRPr() : r.addNewRPr();
        (rpr.sizeOfSzArray() > 0 ? rpr.getSzArray(0) : rpr.addNewSz()).setVal(nine);
        (rpr.sizeOfSzCsArray() > 0 ? rpr.getSzCsArray(0) : rpr.addNewSzCs()).setVal(nine);
      }
      for (var f : p.getFldSimpleList()) {
        for (var r : f.getRList()) {
          var rpr = r.isSetRPr() ? r.getRPr() : r.addNewRPr();
          (rpr.sizeOfSzArray() > 0 ? rpr.getSzArray(0) : rpr.addNewSz()).setVal(nine);
        }
      }
    }
    if (header && ct.sizeOfPArray() > 0 && ct.sizeOfTblArray() == 0) {
      CTP last = ct.getPArray(ct.sizeOfPArray() - 1);
      CTPBdr bdr = last.getPPr().isSetPBdr() ? last.getPPr().getPBdr()
          : last.getPPr().addNewPBdr();
      CTBorder bottom = bdr.addNewBottom();
      bottom.setVal(STBorder.SINGLE);
      bottom.setSz(java.math.BigInteger.valueOf(4));
      bottom.setColor("000000");
    }
  }

  /** The record as .docx bytes. */
  public byte[] render(Template template, Record record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    render(template, record, out);
    return out.toByteArray();
  }

  /** The template's front matter, heading and value sets as EMR Markdown (no content). */
  private static String preamble(Template template) {
    Template empty = new Template(template.id(), template.version(), template.title(),
        template.heading(), template.documentType(), template.department(), template.locale(),
        template.page(), template.metadata(), template.valueSets(), List.of(), List.of(),
        List.of());
    return TemplateDecompiler.decompile(empty);
  }

  /** Sets POI's shared save option that keeps tabs in attributes (see the class comment). */
  private static synchronized void keepTabsInAttributes() {
    try {
      XmlOptionCharEscapeMap tabs = new XmlOptionCharEscapeMap();
      tabs.addMapping('\t', XmlOptionCharEscapeMap.DECIMAL);
      POIXMLTypeLoader.DEFAULT_XML_OPTIONS.setSaveSubstituteCharacters(tabs);
    } catch (XmlException e) {
      throw new IllegalStateException("xmlbeans refused a character escape", e);
    }
  }

  /** Configures a renderer. Not thread-safe. */
  public static final class Builder {
    private RenderOptions options = RenderOptions.defaults();
    // one typographic system with the PDF (Noto Sans SC) and the HTML view: sans serif, in the
    // fonts every Windows PC has (LibreOffice maps Arial to Liberation Sans, metric-compatible,
    // and draws Chinese in a CJK font it has)
    private String eastAsiaFont = "Microsoft YaHei";
    private String latinFont = "Arial";

    private Builder() {}

    /** The shared render options (mode, clock, banner, print stamp, end mark). */
    public Builder options(RenderOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * The font for Chinese text (the {@code w:eastAsia} font of every run; default Microsoft YaHei
     * (微软雅黑), a sans serif as the PDF and HTML view print, which every Windows PC has;
     * LibreOffice substitutes a CJK font it has). A hospital that prints records in 宋体 names it
     * here (and registers a 宋体 TrueType font with the PDF renderer).
     */
    public Builder eastAsiaFont(String name) {
      this.eastAsiaFont = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The font for Latin text and digits (default Arial). */
    public Builder latinFont(String name) {
      this.latinFont = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The renderer; sets POI's shared tab escape (see the class comment). */
    public DocxRenderer build() {
      keepTabsInAttributes();
      return new DocxRenderer(this);
    }
  }
}

package org.emrkit.render.docx;

import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.IRunBody;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.VerticalAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.xmlbeans.XmlCursor;
import org.emrkit.dsl.TemplateDecompiler;
import org.emrkit.record.Record;
import org.emrkit.record.RichText;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Block;
import org.emrkit.template.BlockVisitor;
import org.emrkit.template.Cell;
import org.emrkit.template.Conditional;
import org.emrkit.template.Expression;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.template.Inline;
import org.emrkit.template.LineBreak;
import org.emrkit.template.Orientation;
import org.emrkit.template.PageNumber;
import org.emrkit.template.PageSetup;
import org.emrkit.template.Paragraph;
import org.emrkit.template.RepeatGroup;
import org.emrkit.template.Section;
import org.emrkit.template.Table;
import org.emrkit.template.Template;
import org.emrkit.template.Text;
import org.emrkit.template.TextStyle;
import org.emrkit.validation.RecordContext;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHdrFtr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtBlock;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtContentBlock;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtContentRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtDate;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtDropDownList;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtListItem;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/** Writes one record into a new XWPF document; see {@link DocxRenderer}. Single use. */
final class DocxWriter implements BlockVisitor<Void> {

  /** Word 2010 namespace of the checkbox content control. */
  static final String W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
  /** The custom document property that carries the template's front matter and value sets. */
  static final String PREAMBLE_PROPERTY = "emrkit-template";
  static final int BODY_HALF_POINTS = 21;

  /** Where blocks go: the body, a table cell, a block content control, a header or footer. */
  private interface Sink {
    CTP p();

    CTTbl tbl();

    CTSdtBlock sdt();
  }

  private final XWPFDocument doc;
  private final Template template;
  private final Record record;
  private final RecordContext context;
  private final boolean form;
  private final boolean banner;
  private final String eastAsia;
  private final String latin;
  private final boolean endMark;
  private final String printedBy;
  private final Clock clock;
  private Sink sink;
  private Values scope;
  private int level = 1;
  private int widthTwips;

  DocxWriter(XWPFDocument doc, Template template, Record record, Clock clock, boolean form,
      boolean banner, String eastAsia, String latin, boolean endMark, String printedBy) {
    this.doc = doc;
    this.template = template;
    this.record = record;
    this.context = RecordContext.of(template, record, clock);
    this.form = form;
    this.banner = banner;
    this.eastAsia = eastAsia;
    this.latin = latin;
    this.endMark = endMark;
    this.printedBy = printedBy;
    this.clock = clock;
    this.scope = record.values();
  }

  void write() {
    styles();
    CTBody body = doc.getDocument().getBody();
    sink = sink(body::addNewP, body::addNewTbl, body::addNewSdt);
    PageSetup page = template.page();
    widthTwips = twips(page.widthMm() - page.marginLeftMm() - page.marginRightMm());
    String title = template.heading() != null ? template.heading() : template.title();
    XWPFParagraph t = paragraph();
    t.setStyle("Title");
    t.setAlignment(ParagraphAlignment.CENTER);
    run(t, title, true, false, 0, 32);
    if (banner && !form) {
      StringBuilder sb = new StringBuilder();
      record.context().banner().forEach((label, value) -> sb.append(label).append("：")
          .append(value).append("　　"));
      if (!sb.isEmpty()) {
        run(paragraph(), sb.toString().strip(), false, false, 0, BODY_HALF_POINTS - 1);
      }
    }
    blocks(template.blocks());
    if (endMark && !form) {
      XWPFParagraph end = paragraph();
      end.setAlignment(ParagraphAlignment.CENTER);
      run(end, "（以下空白）", false, false, 0, BODY_HALF_POINTS);
    }
    runningArea(doc.createHeader(HeaderFooterType.DEFAULT), template.pageHeader());
    XWPFHeaderFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
    runningArea(footer, template.pageFooter());
    if (printedBy != null && !form) {
      CTHdrFtr ct = footer._getHdrFtr();
      XWPFParagraph stamp = new XWPFParagraph(ct.addNewP(), doc);
      stamp.setAlignment(ParagraphAlignment.RIGHT);
      run(stamp, "打印人：" + printedBy + "　打印时间："
          + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
              .format(java.time.OffsetDateTime.now(clock)), false, false, 0, 18);
    }
    sectionProperties(body);
    var props = doc.getProperties();
    props.getCoreProperties().setTitle(title + (record.context().patient().name() == null ? ""
        : " - " + record.context().patient().name()));
    props.getCoreProperties().setCreator(record.context().author() == null ? "EMRKit"
        : record.context().author().name());
    if (form) {
      props.getCustomProperties().addProperty(PREAMBLE_PROPERTY, preamble());
    }
  }

  /** The template's front matter, heading and value sets as EMR Markdown (no content). */
  private String preamble() {
    Template empty = new Template(template.id(), template.version(), template.title(),
        template.heading(), template.documentType(), template.department(), template.locale(),
        template.page(), template.metadata(), template.valueSets(), List.of(), List.of(),
        List.of());
    return TemplateDecompiler.decompile(empty);
  }

  // ------------------------------------------------------------------ document setup

  private void styles() {
    XWPFStyles styles = doc.createStyles();
    CTFonts fonts = CTFonts.Factory.newInstance();
    fonts.setAscii(latin);
    fonts.setHAnsi(latin);
    fonts.setEastAsia(eastAsia);
    styles.setDefaultFonts(fonts);
    styles.setEastAsia("zh-CN");
    style(styles, "Title", "Title", -1, 32);
    for (int i = 1; i <= 3; i++) {
      style(styles, "Heading" + i, "heading " + i, i - 1, i == 1 ? 24 : 22);
    }
  }

  private static void style(XWPFStyles styles, String id, String name, int outline,
      int halfPoints) {
    CTStyle s = CTStyle.Factory.newInstance();
    s.setStyleId(id);
    s.setType(STStyleType.PARAGRAPH);
    s.addNewName().setVal(name);
    s.addNewNext().setVal("Normal");
    s.addNewQFormat();
    CTPPrGeneral ppr = s.addNewPPr();
    ppr.addNewKeepNext();
    if (outline >= 0) {
      ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
      ppr.addNewSpacing().setBefore(BigInteger.valueOf(120));
    }
    CTRPr rpr = s.addNewRPr();
    rpr.addNewB();
    rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
    styles.addStyle(new XWPFStyle(s, styles));
  }

  private void sectionProperties(CTBody body) {
    CTSectPr sp = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
    PageSetup page = template.page();
    CTPageSz size = sp.isSetPgSz() ? sp.getPgSz() : sp.addNewPgSz();
    size.setW(BigInteger.valueOf(twips(page.widthMm())));
    size.setH(BigInteger.valueOf(twips(page.heightMm())));
    if (page.orientation() == Orientation.LANDSCAPE) {
      size.setOrient(STPageOrientation.LANDSCAPE);
    }
    CTPageMar m = sp.isSetPgMar() ? sp.getPgMar() : sp.addNewPgMar();
    m.setTop(BigInteger.valueOf(twips(page.marginTopMm())));
    m.setBottom(BigInteger.valueOf(twips(page.marginBottomMm())));
    m.setLeft(BigInteger.valueOf(twips(page.marginLeftMm())));
    m.setRight(BigInteger.valueOf(twips(page.marginRightMm())));
    m.setHeader(BigInteger.valueOf(twips(Math.min(10, page.marginTopMm() / 2))));
    m.setFooter(BigInteger.valueOf(twips(Math.min(10, page.marginBottomMm() / 2))));
  }

  private void runningArea(XWPFHeaderFooter area, List<Block> blocks) {
    CTHdrFtr ct = area._getHdrFtr();
    Sink outer = sink;
    sink = sink(ct::addNewP, ct::addNewTbl, ct::addNewSdt);
    if (blocks.isEmpty()) {
      paragraph();
    }
    blocks(blocks);
    sink = outer;
  }

  static int twips(double mm) {
    return (int) Math.round(mm / 25.4 * 1440);
  }

  private static Sink sink(java.util.function.Supplier<CTP> p,
      java.util.function.Supplier<CTTbl> t, java.util.function.Supplier<CTSdtBlock> s) {
    return new Sink() {
      @Override
      public CTP p() {
        return p.get();
      }

      @Override
      public CTTbl tbl() {
        return t.get();
      }

      @Override
      public CTSdtBlock sdt() {
        return s.get();
      }
    };
  }

  // ------------------------------------------------------------------ blocks

  private void blocks(List<Block> blocks) {
    for (Block b : blocks) {
      b.accept(this);
    }
  }

  private boolean shows(Expression when) {
    if (when == null || form) {
      return true;
    }
    var e = context.evaluate(when, scope);
    return e.failed() || e.isTrue();
  }

  /** A block content control tagged with EMR Markdown, whose content becomes the sink. */
  private Sink open(String tag, String alias) {
    CTSdtBlock sdt = sink.sdt();
    CTSdtPr pr = sdt.addNewSdtPr();
    pr.addNewTag().setVal(tag);
    if (alias != null) {
      pr.addNewAlias().setVal(alias);
    }
    CTSdtContentBlock c = sdt.addNewSdtContent();
    Sink outer = sink;
    sink = sink(c::addNewP, c::addNewTbl, c::addNewSdt);
    return outer;
  }

  @Override
  public Void visitSection(Section s) {
    if (!shows(s.when())) {
      return null;
    }
    level++;
    Sink outer = form ? open(TemplateDecompiler.heading(s, level), s.title()) : null;
    XWPFParagraph h = paragraph();
    h.setStyle("Heading" + Math.min(3, level - 1));
    run(h, s.title(), true, false, 0, level == 2 ? 24 : 22);
    blocks(s.children());
    if (outer != null) {
      sink = outer;
    }
    level--;
    return null;
  }

  @Override
  public Void visitParagraph(Paragraph p) {
    XWPFParagraph out = paragraph();
    for (Inline i : p.inlines()) {
      inline(out, i);
    }
    return null;
  }

  private XWPFParagraph paragraph() {
    return new XWPFParagraph(sink.p(), doc);
  }

  private void inline(XWPFParagraph p, Inline i) {
    if (i instanceof Text t) {
      int script = t.has(TextStyle.SUPERSCRIPT) ? 1 : t.has(TextStyle.SUBSCRIPT) ? -1 : 0;
      run(p, t.text(), t.has(TextStyle.BOLD), t.has(TextStyle.ITALIC), script, BODY_HALF_POINTS);
    } else if (i instanceof Field f) {
      field(p, f);
    } else if (i instanceof LineBreak) {
      run(p, "", false, false, 0, BODY_HALF_POINTS).addBreak();
    } else if (i instanceof PageNumber n) {
      CTSimpleField fld = p.getCTP().addNewFldSimple();
      fld.setInstr(n.kind() == PageNumber.Kind.PAGE ? " PAGE " : " NUMPAGES ");
      XWPFRun r = new XWPFRun(fld.addNewR(), (IRunBody) p);
      fonts(r, BODY_HALF_POINTS);
      r.setText("1");
    }
  }

  private XWPFRun run(XWPFParagraph p, String text, boolean bold, boolean italic, int script,
      int halfPoints) {
    return runIn(p.createRun(), text, bold, italic, script, halfPoints);
  }

  private XWPFRun runIn(XWPFRun r, String text, boolean bold, boolean italic, int script,
      int halfPoints) {
    fonts(r, halfPoints);
    if (bold) {
      r.setBold(true);
    }
    if (italic) {
      r.setItalic(true);
    }
    if (script != 0) {
      r.setSubscript(script > 0 ? VerticalAlign.SUPERSCRIPT : VerticalAlign.SUBSCRIPT);
    }
    if (!text.isEmpty()) {
      r.setText(text);
    }
    return r;
  }

  private void fonts(XWPFRun r, int halfPoints) {
    CTRPr pr = r.getCTR().isSetRPr() ? r.getCTR().getRPr() : r.getCTR().addNewRPr();
    CTFonts f = pr.sizeOfRFontsArray() > 0 ? pr.getRFontsArray(0) : pr.addNewRFonts();
    f.setAscii(latin);
    f.setHAnsi(latin);
    f.setEastAsia(eastAsia);
    r.setFontSize(halfPoints / 2.0);
  }

  // ------------------------------------------------------------------ fields

  private String fieldText(Field f) {
    if (f.type() == FieldType.BOOLEAN) {
      return f.label() == null ? "" : f.label();
    }
    return context.text(f, scope);
  }

  private void field(XWPFParagraph p, Field f) {
    if (!shows(f.when())) {
      return;
    }
    String text = fieldText(f);
    if (!form) {
      content(p, null, f, text);
      return;
    }
    CTSdtRun sdt = p.getCTP().addNewSdt();
    CTSdtPr pr = sdt.addNewSdtPr();
    String spec = TemplateDecompiler.field(f);
    pr.addNewTag().setVal(spec.substring(2, spec.length() - 2));
    if (f.label() != null) {
      pr.addNewAlias().setVal(f.label());
    }
    switch (f.type()) {
      case RICHTEXT -> pr.addNewRichText();
      case CHOICE -> {
        CTSdtDropDownList list = pr.addNewDropDownList();
        for (String[] o : options(f)) {
          CTSdtListItem item = list.addNewListItem();
          item.setDisplayText(o[1]);
          item.setValue(o[0]);
        }
      }
      case DATE, DATETIME -> {
        CTSdtDate date = pr.addNewDate();
        date.addNewDateFormat().setVal(f.type() == FieldType.DATE ? "yyyy-MM-dd"
            : "yyyy-MM-dd HH:mm");
        date.addNewLid().setVal("zh-CN");
      }
      case BOOLEAN -> checkbox(pr, scope.get(f.name()).orElse(null) instanceof Value.Bool b
          && b.value());
      default -> pr.addNewText();
    }
    CTSdtContentRun c = sdt.addNewSdtContent();
    content(p, c, f, text);
  }

  /** The options of a choice field: code and display. */
  private List<String[]> options(Field f) {
    List<String[]> out = new ArrayList<>();
    if (f.valueSet() != null) {
      template.valueSet(f.valueSet().id()).ifPresent(vs -> vs.concepts().forEach(c ->
          out.add(new String[] {c.code(), c.display()})));
    } else {
      f.options().forEach(o -> out.add(new String[] {o, o}));
    }
    return out;
  }

  /** A {@code w14:checkbox} in the content control's properties (not in POI's schema subset). */
  private static void checkbox(CTSdtPr pr, boolean checked) {
    try (XmlCursor c = pr.newCursor()) {
      c.toEndToken();
      c.beginElement(new QName(W14, "checkbox", "w14"));
      c.beginElement(new QName(W14, "checked", "w14"));
      c.insertAttributeWithValue(new QName(W14, "val", "w14"), checked ? "1" : "0");
      c.toEndToken();
      c.toNextToken();
      c.beginElement(new QName(W14, "checkedState", "w14"));
      c.insertAttributeWithValue(new QName(W14, "val", "w14"), "2612");
      c.insertAttributeWithValue(new QName(W14, "font", "w14"), "MS Gothic");
      c.toEndToken();
      c.toNextToken();
      c.beginElement(new QName(W14, "uncheckedState", "w14"));
      c.insertAttributeWithValue(new QName(W14, "val", "w14"), "2610");
      c.insertAttributeWithValue(new QName(W14, "font", "w14"), "MS Gothic");
    }
  }

  /** The runs showing a field: its value, or an underlined blank; its unit. */
  private void content(XWPFParagraph p, CTSdtContentRun c, Field f, String text) {
    java.util.function.Supplier<XWPFRun> next = c == null ? p::createRun
        : () -> new XWPFRun(c.addNewR(), (IRunBody) p);
    if (f.type() == FieldType.BOOLEAN) {
      boolean checked = scope.get(f.name()).orElse(null) instanceof Value.Bool b && b.value();
      runIn(next.get(), checked ? "☑" : "☐", false, false, 0, BODY_HALF_POINTS);
      if (!text.isEmpty() && c == null) {
        runIn(next.get(), " " + text, false, false, 0, BODY_HALF_POINTS);
      }
      return;
    }
    if (text.isEmpty()) {
      XWPFRun blank = runIn(next.get(), "\u00a0".repeat(f.type() == FieldType.RICHTEXT ? 40 : 12),
          false, false, 0, BODY_HALF_POINTS);
      blank.setUnderline(UnderlinePatterns.SINGLE);
    } else if (f.type() == FieldType.RICHTEXT) {
      rich(next, text);
    } else {
      runIn(next.get(), text, false, false, 0, BODY_HALF_POINTS);
    }
    if (f.unit() != null) {
      runIn(next.get(), " " + f.unit(), false, false, 0, BODY_HALF_POINTS);
    }
  }

  private void rich(java.util.function.Supplier<XWPFRun> next, String text) {
    List<List<RichText.Run>> paragraphs = RichText.parse(text);
    for (int k = 0; k < paragraphs.size(); k++) {
      if (k > 0) {
        next.get().addBreak();
      }
      for (RichText.Run r : paragraphs.get(k)) {
        String[] lines = r.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          XWPFRun run = runIn(next.get(), lines[i], r.bold(), r.italic(), r.script(),
              BODY_HALF_POINTS);
          if (i < lines.length - 1) {
            run.addBreak();
          }
        }
      }
    }
  }

  // ------------------------------------------------------------------ tables

  @Override
  public Void visitTable(Table t) {
    CTTbl tbl = sink.tbl();
    CTTblPr pr = tbl.addNewTblPr();
    CTTblWidth w = pr.addNewTblW();
    w.setType(STTblWidth.DXA);
    w.setW(BigInteger.valueOf(widthTwips));
    pr.addNewTblLayout().setType(STTblLayoutType.FIXED);
    CTTblBorders borders = pr.addNewTblBorders();
    for (CTBorder b : new CTBorder[] {borders.addNewTop(), borders.addNewLeft(),
        borders.addNewBottom(), borders.addNewRight(), borders.addNewInsideH(),
        borders.addNewInsideV()}) {
      b.setVal(STBorder.SINGLE);
      b.setSz(BigInteger.valueOf(4));
      b.setColor("000000");
    }
    if (form) {
      pr.addNewTblCaption().setVal(TemplateDecompiler.tableAttributes(t, true));
    }
    double sum = t.widths().stream().mapToDouble(Double::doubleValue).sum();
    int[] cols = new int[t.columns()];
    CTTblGrid grid = tbl.addNewTblGrid();
    for (int c = 0; c < cols.length; c++) {
      cols[c] = (int) Math.round(widthTwips * t.widths().get(c) / sum);
      grid.addNewGridCol().setW(BigInteger.valueOf(cols[c]));
    }
    int bodyEnd = t.repeating() ? t.rows() - 1 : t.rows();
    for (int r = 0; r < bodyEnd; r++) {
      row(tbl, t, r, cols);
    }
    if (t.repeating()) {
      List<Values> rows = scope.rows(t.id());
      Values outer = scope;
      int n = form ? 1 : rows.size();
      for (int i = 0; i < n; i++) {
        scope = i < rows.size() ? rows.get(i) : Values.EMPTY;
        row(tbl, t, t.rows() - 1, cols);
      }
      scope = outer;
    }
    // a paragraph after every table: Word requires one at the end of a cell, and two tables in
    // a row would otherwise merge into one when the document is opened
    paragraph();
    return null;
  }

  private void row(CTTbl tbl, Table t, int r, int[] cols) {
    CTRow tr = tbl.addNewTr();
    if (r < t.headerRows()) {
      tr.addNewTrPr().addNewTblHeader();
    }
    int c = 0;
    while (c < t.columns()) {
      Cell cell = t.cellAt(r, c);
      int span = cell.colSpan();
      int width = 0;
      for (int k = cell.column(); k < cell.column() + span; k++) {
        width += cols[k];
      }
      CTTc tc = tr.addNewTc();
      CTTcPr pr = tc.addNewTcPr();
      CTTblWidth w = pr.addNewTcW();
      w.setType(STTblWidth.DXA);
      w.setW(BigInteger.valueOf(width));
      if (span > 1) {
        pr.addNewGridSpan().setVal(BigInteger.valueOf(span));
      }
      boolean anchor = cell.row() == r;
      if (cell.rowSpan() > 1) {
        pr.addNewVMerge().setVal(anchor ? STMerge.RESTART : STMerge.CONTINUE);
      }
      if (r < t.headerRows()) {
        CTShd shd = pr.addNewShd();
        shd.setVal(STShd.CLEAR);
        shd.setColor("auto");
        shd.setFill("F5F5F5");
      }
      if (anchor) {
        Sink outer = sink;
        int outerWidth = widthTwips;
        sink = sink(tc::addNewP, tc::addNewTbl, tc::addNewSdt);
        widthTwips = Math.max(200, width - 216);
        blocks(cell.content());
        if (tc.sizeOfPArray() == 0) {
          paragraph();
        }
        sink = outer;
        widthTwips = outerWidth;
      } else {
        tc.addNewP();
      }
      c = cell.column() + span;
    }
  }

  // ------------------------------------------------------------------ containers

  @Override
  public Void visitRepeatGroup(RepeatGroup g) {
    List<Values> rows = scope.rows(g.id());
    Values outer = scope;
    if (form) {
      Sink outerSink = open(TemplateDecompiler.repeatHeader(g), g.label());
      scope = rows.isEmpty() ? Values.EMPTY : rows.get(0);
      blocks(g.children());
      sink = outerSink;
    } else {
      for (Values row : rows) {
        scope = row;
        blocks(g.children());
      }
    }
    scope = outer;
    return null;
  }

  @Override
  public Void visitConditional(Conditional c) {
    if (form) {
      Sink outer = open("if " + c.condition().source(), null);
      blocks(c.children());
      sink = outer;
    } else if (shows(c.condition())) {
      blocks(c.children());
    }
    return null;
  }
}

package org.emrkit.render.docx;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.apache.poi.xwpf.usermodel.IRunBody;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.emrkit.dsl.TemplateDecompiler;
import org.emrkit.render.BannerItem;
import org.emrkit.render.CellView;
import org.emrkit.render.ConditionalView;
import org.emrkit.render.GroupView;
import org.emrkit.render.ParagraphView;
import org.emrkit.render.RowView;
import org.emrkit.render.Run;
import org.emrkit.render.SectionView;
import org.emrkit.render.TableView;
import org.emrkit.render.WalkTarget;
import org.emrkit.template.PageNumber;
import org.emrkit.template.RepeatGroup;
import org.emrkit.template.Table;
import org.emrkit.template.Text;
import org.emrkit.template.TextStyle;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STOnOff1;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtBlock;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtContentBlock;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;

/**
 * Writes what the walk resolves into a Word document: headings, paragraphs with fields, tables
 * with {@code w:gridSpan} and {@code w:vMerge} (restart, then continue in placeholder cells),
 * header rows, grid widths, nested tables, and in a form the block content controls of sections,
 * repeat groups and conditional content. One per area of one rendering.
 */
final class DocxTarget implements WalkTarget {

  /** Where blocks go: the body, a table cell, a block content control, a header or footer. */
  interface Sink {
    CTP p();

    CTTbl tbl();

    CTSdtBlock sdt();

    static Sink of(Supplier<CTP> p, Supplier<CTTbl> t, Supplier<CTSdtBlock> s) {
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
  }

  /** A table being written: its column widths in twips, the row being written and where. */
  private static final class Frame {
    final Table table;
    final CTTbl tbl;
    final int[] cols;
    CTRow row;
    int rowIndex;
    int column;

    Frame(Table table, CTTbl tbl, int[] cols) {
      this.table = table;
      this.tbl = tbl;
      this.cols = cols;
    }
  }

  private final XWPFDocument doc;
  private final WordRuns runs;
  private final DocxFields fields;
  private final boolean form;
  private final Deque<Sink> sinks = new ArrayDeque<>();
  private final Deque<Frame> tables = new ArrayDeque<>();
  private final Deque<Integer> widths = new ArrayDeque<>();
  private final Deque<CTTc> cells = new ArrayDeque<>();

  DocxTarget(XWPFDocument doc, WordRuns runs, DocxFields fields, boolean form, Sink sink,
      int widthTwips) {
    this.doc = doc;
    this.runs = runs;
    this.fields = fields;
    this.form = form;
    this.sinks.push(sink);
    this.widths.push(widthTwips);
  }

  /**
   * A new paragraph, set as the PDF and the HTML view set text: no space added between Chinese
   * and Latin or digits ("68岁", not "68 岁"), lines about as far apart (1.2 lines).
   */
  XWPFParagraph paragraph() {
    CTP p = sinks.peek().p();
    var ppr = p.addNewPPr();
    ppr.addNewAutoSpaceDE().setVal(STOnOff1.OFF);
    ppr.addNewAutoSpaceDN().setVal(STOnOff1.OFF);
    var spacing = ppr.addNewSpacing();
    spacing.setLine(BigInteger.valueOf(288));
    spacing.setLineRule(STLineSpacingRule.AUTO);
    return new XWPFParagraph(p, doc);
  }

  @Override
  public void title(String title) {
    XWPFParagraph t = paragraph();
    t.setStyle("Title");
    t.setAlignment(ParagraphAlignment.CENTER);
    runs.run(t, title, true, false, 0, 32);
  }

  /** The banner, in lines that never break inside an item ({@link WordRuns#bannerLines}). */
  @Override
  public void banner(List<BannerItem> items) {
    if (form || items.isEmpty()) {
      return;
    }
    int halfPoints = WordRuns.BODY_HALF_POINTS - 1;
    for (String l : WordRuns.bannerLines(items, widths.peek(), halfPoints * 10.0)) {
      XWPFParagraph p = paragraph();
      p.setSpacingAfter(0);
      runs.run(p, l, false, false, 0, halfPoints);
    }
  }

  @Override
  public void endMark(String text) {
    if (!form) {
      XWPFParagraph end = paragraph();
      end.setAlignment(ParagraphAlignment.CENTER);
      runs.run(end, text, false, false, 0, WordRuns.BODY_HALF_POINTS);
    }
  }

  @Override
  public void pageBreak() {
    if (!form) {
      paragraph().setPageBreak(true);
    }
  }

  @Override
  public void stamp(String text) {
    if (!form) {
      XWPFParagraph stamp = paragraph();
      stamp.setAlignment(ParagraphAlignment.RIGHT);
      runs.run(stamp, text, false, false, 0, 18);
    }
  }

  // ------------------------------------------------------------------ blocks

  /** A block content control tagged with EMR Markdown; its content becomes the sink. */
  private void open(String tag, String alias) {
    CTSdtBlock sdt = sinks.peek().sdt();
    CTSdtPr pr = sdt.addNewSdtPr();
    pr.addNewTag().setVal(tag);
    if (alias != null) {
      pr.addNewAlias().setVal(alias);
    }
    CTSdtContentBlock c = sdt.addNewSdtContent();
    sinks.push(Sink.of(c::addNewP, c::addNewTbl, c::addNewSdt));
  }

  @Override
  public void startSection(SectionView s) {
    if (form) {
      open(s.section().runIn() ? TemplateDecompiler.runIn(s.section())
          : TemplateDecompiler.heading(s.section(), s.level() + 1), s.section().title());
    }
    if (s.section().runIn()) {
      return; // the walk puts the title in front of the section's paragraph
    }
    XWPFParagraph h = paragraph();
    h.setStyle("Heading" + Math.min(3, s.level()));
    // the sizes of the PDF and the HTML view: 11.5 pt, 10.5 pt below the first level
    runs.run(h, s.section().title(), true, false, 0, s.level() == 1 ? 23 : 21);
  }

  @Override
  public void endSection(SectionView s) {
    if (form) {
      sinks.pop();
    }
  }

  @Override
  public void paragraph(ParagraphView p) {
    XWPFParagraph out = paragraph();
    for (Run r : p.runs()) {
      if (r instanceof Run.TextRun t) {
        Text x = t.text();
        int script = x.has(TextStyle.SUPERSCRIPT) ? 1 : x.has(TextStyle.SUBSCRIPT) ? -1 : 0;
        runs.run(out, x.text(), x.has(TextStyle.BOLD), x.has(TextStyle.ITALIC), script,
            WordRuns.BODY_HALF_POINTS);
      } else if (r instanceof Run.FieldRun f) {
        fields.field(out, f.field());
      } else if (r instanceof Run.Break) {
        runs.run(out, "", false, false, 0, WordRuns.BODY_HALF_POINTS).addBreak();
      } else if (r instanceof Run.PageRun n) {
        CTSimpleField fld = out.getCTP().addNewFldSimple();
        fld.setInstr(n.kind() == PageNumber.Kind.PAGE ? " PAGE " : " NUMPAGES ");
        XWPFRun run = new XWPFRun(fld.addNewR(), (IRunBody) out);
        runs.fonts(run, WordRuns.BODY_HALF_POINTS);
        run.setText("1");
      }
    }
  }

  @Override
  public void startGroup(GroupView g) {
    if (form && g.block() instanceof RepeatGroup group) {
      open(TemplateDecompiler.repeatHeader(group), group.label());
    }
  }

  @Override
  public void endGroup(GroupView g) {
    if (form && !g.table()) {
      sinks.pop();
    }
  }

  @Override
  public void startConditional(ConditionalView c) {
    if (form) {
      open("if " + c.conditional().condition().source(), null);
    }
  }

  @Override
  public void endConditional(ConditionalView c) {
    if (form) {
      sinks.pop();
    }
  }

  // ------------------------------------------------------------------ tables

  @Override
  public void startTable(TableView v) {
    Table t = v.table();
    CTTbl tbl = sinks.peek().tbl();
    int[] cols = WordTables.start(tbl, t, widths.peek(), form);
    tables.push(new Frame(t, tbl, cols));
  }

  @Override
  public void endTable(TableView v) {
    tables.pop();
    // a paragraph after every table: Word requires one at the end of a cell, and two tables in
    // a row would otherwise merge into one when the document is opened
    paragraph();
  }

  @Override
  public void startRow(RowView r) {
    Frame f = tables.peek();
    f.row = f.tbl.addNewTr();
    if (r.header()) {
      f.row.addNewTrPr().addNewTblHeader();
    }
    f.rowIndex = r.row();
    f.column = 0;
  }

  @Override
  public void endRow(RowView r) {
    placeholders(tables.peek(), tables.peek().table.columns());
  }

  /**
   * Writes placeholders ({@code w:vMerge} continue) for the cells reaching into the row from
   * above, up to column {@code until}.
   */
  private void placeholders(Frame f, int until) {
    while (f.column < until) {
      var cell = f.table.cellAt(f.rowIndex, f.column);
      tc(f, cell, false, f.rowIndex < f.table.headerRows()).addNewP();
      f.column = cell.column() + cell.colSpan();
    }
  }

  private CTTc tc(Frame f, org.emrkit.template.Cell cell, boolean anchor, boolean header) {
    return WordTables.tc(f.row, f.cols, f.table, cell, anchor, header);
  }

  @Override
  public void startCell(CellView c) {
    Frame f = tables.peek();
    placeholders(f, c.cell().column());
    CTTc tc = tc(f, c.cell(), true, c.header());
    int width = Integer.parseInt(tc.getTcPr().getTcW().getW().toString());
    sinks.push(Sink.of(tc::addNewP, tc::addNewTbl, tc::addNewSdt));
    widths.push(Math.max(200, width - 216));
    cells.push(tc);
    f.column = c.cell().column() + c.cell().colSpan();
  }

  @Override
  public void endCell(CellView c) {
    CTTc tc = cells.pop();
    if (tc.sizeOfPArray() == 0) {
      paragraph();
    }
    WordTables.finish(tc, c.table(), c.cell(), c.header(), form);
    sinks.pop();
    widths.pop();
  }
}

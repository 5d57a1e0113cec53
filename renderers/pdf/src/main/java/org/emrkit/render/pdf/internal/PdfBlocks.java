package org.emrkit.render.pdf.internal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrkit.expr.Evaluation;
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
import org.emrkit.template.PageNumber;
import org.emrkit.template.RepeatGroup;
import org.emrkit.template.Section;
import org.emrkit.template.Table;
import org.emrkit.template.Template;
import org.emrkit.template.Text;
import org.emrkit.template.TextStyle;
import org.emrkit.validation.RecordContext;

/**
 * Lays out a template's blocks with a record's values as OpenPDF elements. At the top level each
 * element goes straight to the document (so pages are written as they fill and memory does not
 * grow with page count); inside table cells elements are collected for the cell. In check mode
 * nothing is laid out: the walk only collects characters no font has, with where they are.
 */
public final class PdfBlocks implements BlockVisitor<Void> {

  private static final int ROWS_PER_FLUSH = 40;

  private final Document document;
  private final com.lowagie.text.pdf.PdfWriter writer;
  private final Template template;
  private final Record record;
  private final RecordContext context;
  private final Styles styles;
  private final boolean check;
  private final Map<String, List<String>> missing = new LinkedHashMap<>();
  private List<Element> sink;
  private Values scope;
  private String prefix = "/values";
  private int level = 1;

  public PdfBlocks(Document document, com.lowagie.text.pdf.PdfWriter writer, Template template,
      Record record, RecordContext context, Styles styles, boolean check) {
    this.document = document;
    this.writer = writer;
    this.template = template;
    this.record = record;
    this.context = context;
    this.styles = styles;
    this.check = check;
    this.scope = record.values();
  }

  /** Characters no font has, by where they are (a JSON pointer, or "template"). */
  public Map<String, List<String>> missing() {
    return missing;
  }

  public void blocks(List<Block> blocks) {
    for (Block b : blocks) {
      b.accept(this);
    }
  }

  public void emit(Element e) {
    if (check) {
      return;
    }
    if (sink != null) {
      sink.add(e);
      return;
    }
    try {
      document.add(e);
    } catch (DocumentException ex) {
      throw new IllegalStateException("OpenPDF refused an element", ex);
    }
  }

  private void covered(String text, String where) {
    List<String> m = Fonts.missing(text, styles.allFonts());
    if (!m.isEmpty()) {
      List<String> list = missing.computeIfAbsent(where, k -> new ArrayList<>());
      m.stream().filter(c -> !list.contains(c)).forEach(list::add);
    }
  }

  private boolean shows(Expression when) {
    if (when == null) {
      return true;
    }
    Evaluation e = context.evaluate(when, scope);
    return e.failed() || e.isTrue();
  }

  @Override
  public Void visitSection(Section s) {
    if (!shows(s.when())) {
      return null;
    }
    level++;
    covered(s.title(), "template");
    Paragraph h = new Paragraph(styles.phrase(s.title(), true, false, 0,
        level == 2 ? Styles.HEADING : Styles.BODY, Color.BLACK));
    h.setSpacingBefore(6);
    h.setSpacingAfter(2);
    h.setKeepTogether(true);
    emit(h);
    blocks(s.children());
    level--;
    return null;
  }

  @Override
  public Void visitParagraph(org.emrkit.template.Paragraph p) {
    Paragraph out = new Paragraph("", styles.font(Styles.BODY));
    out.setLeading(Styles.BODY * 1.55f);
    Phrase all = new Phrase("", styles.font(Styles.BODY));
    for (Inline i : p.inlines()) {
      all.add(inline(i));
    }
    out.addAll(Styles.merged(all.getChunks()));
    emit(out);
    return null;
  }

  /** The text of a paragraph for running headers and footers, with page number pieces. */
  public List<PageEvents.Piece> running(org.emrkit.template.Paragraph p) {
    List<PageEvents.Piece> out = new ArrayList<>();
    for (Inline i : p.inlines()) {
      if (i instanceof PageNumber n) {
        out.add(new PageEvents.Piece(null, n.kind() == PageNumber.Kind.PAGE
            ? PageEvents.Piece.PAGE : PageEvents.Piece.PAGES));
      } else if (i instanceof Text t) {
        covered(t.text(), "template");
        out.add(new PageEvents.Piece(t.text(), PageEvents.Piece.TEXT));
      } else if (i instanceof Field f) {
        out.add(new PageEvents.Piece(fieldText(f), PageEvents.Piece.TEXT));
      }
    }
    return out;
  }

  private Element inline(Inline i) {
    if (i instanceof Text t) {
      covered(t.text(), "template");
      int script = t.has(TextStyle.SUPERSCRIPT) ? 1 : t.has(TextStyle.SUBSCRIPT) ? -1 : 0;
      return styles.phrase(t.text(), t.has(TextStyle.BOLD), t.has(TextStyle.ITALIC), script,
          Styles.BODY, Color.BLACK);
    } else if (i instanceof Field f) {
      return field(f);
    } else if (i instanceof LineBreak) {
      return styles.newline();
    }
    return new Phrase("", styles.font(Styles.BODY));
  }

  private String fieldText(Field f) {
    String text;
    if (f.type() == FieldType.BOOLEAN) {
      // the box is drawn, not a glyph (fonts rarely have ☐/☑); only the label is text
      text = scope.get(f.name()).isPresent() && f.label() != null ? f.label() : "";
    } else {
      text = context.text(f, scope);
    }
    covered(text, prefix + "/" + f.name());
    return text;
  }

  private Element field(Field f) {
    Phrase out = new Phrase("", styles.font(Styles.BODY));
    if (!shows(f.when())) {
      return out;
    }
    String text = fieldText(f);
    if (f.type() == FieldType.BOOLEAN && scope.get(f.name()).orElse(null) instanceof Value.Bool b) {
      out.add(checkbox(b.value()));
      if (!text.isEmpty()) {
        out.add(styles.plain(" " + text, Styles.BODY));
      }
      return out;
    }
    if (text.isEmpty()) {
      Chunk blank = new Chunk("\u00a0".repeat(f.type() == FieldType.RICHTEXT ? 40 : 12),
          styles.font(Styles.BODY));
      blank.setUnderline(0.5f, -2f);
      out.add(blank);
    } else if (f.type() == FieldType.RICHTEXT) {
      rich(out, text);
    } else {
      out.add(styles.plain(text, Styles.BODY));
    }
    if (f.unit() != null) {
      covered(f.unit(), "template");
      out.add(styles.plain(" " + f.unit(), Styles.BODY));
    }
    return out;
  }

  /** A checkbox drawn as vector graphics (☐ or ☑), sized to the body text. */
  private Element checkbox(boolean checked) {
    if (check || writer == null) {
      return new Phrase("", styles.font(Styles.BODY));
    }
    float s = Styles.BODY * 0.8f;
    com.lowagie.text.pdf.PdfTemplate box = writer.getDirectContent().createTemplate(s + 1, s + 1);
    box.setLineWidth(0.6f);
    box.rectangle(0.5f, 0.5f, s, s);
    box.stroke();
    if (checked) {
      box.setLineWidth(0.9f);
      box.moveTo(s * 0.2f, s * 0.5f);
      box.lineTo(s * 0.42f, s * 0.22f);
      box.lineTo(s * 0.85f, s * 0.85f);
      box.stroke();
    }
    try {
      return new Chunk(com.lowagie.text.Image.getInstance(box), 0, -1, false);
    } catch (com.lowagie.text.BadElementException e) {
      throw new IllegalStateException("OpenPDF refused a checkbox image", e);
    }
  }

  private void rich(Phrase out, String text) {
    List<List<RichText.Run>> paragraphs = RichText.parse(text);
    for (int k = 0; k < paragraphs.size(); k++) {
      if (k > 0) {
        out.add(styles.newline());
      }
      for (RichText.Run r : paragraphs.get(k)) {
        out.add(r.bold() || r.italic() || r.script() != 0
            ? styles.phrase(r.text(), r.bold(), r.italic(), r.script(), Styles.BODY, Color.BLACK)
            : styles.plain(r.text(), Styles.BODY));
      }
    }
  }

  @Override
  public Void visitTable(Table t) {
    float[] widths = new float[t.columns()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = t.widths().get(i).floatValue();
    }
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setHeaderRows(t.headerRows());
    table.setSplitLate(true);
    table.setSplitRows(true);
    table.setSpacingBefore(3);
    table.setSpacingAfter(3);
    boolean topLevel = sink == null;
    if (topLevel && t.repeating()) {
      table.setComplete(false);
    }
    int bodyEnd = t.repeating() ? t.rows() - 1 : t.rows();
    for (int r = 0; r < bodyEnd; r++) {
      for (Cell c : t.cellsAnchoredIn(r)) {
        table.addCell(cell(c, r < t.headerRows()));
      }
    }
    if (t.repeating()) {
      List<Values> rows = scope.rows(t.id());
      Values outer = scope;
      String outerPrefix = prefix;
      String path = prefix + "/" + t.id();
      for (int i = 0; i < rows.size(); i++) {
        scope = rows.get(i);
        prefix = path + "/" + i;
        for (Cell c : t.cellsAnchoredIn(t.rows() - 1)) {
          table.addCell(cell(c, false));
        }
        if (topLevel && !check && (i + 1) % ROWS_PER_FLUSH == 0) {
          emit(table); // writes the finished rows; the table goes on with the next ones
        }
      }
      scope = outer;
      prefix = outerPrefix;
      table.setComplete(true);
    }
    emit(table);
    return null;
  }

  private PdfPCell cell(Cell c, boolean header) {
    List<Element> outer = sink;
    List<Element> content = new ArrayList<>();
    sink = content;
    blocks(c.content());
    sink = outer;
    PdfPCell cell = new PdfPCell();
    cell.setRowspan(c.rowSpan());
    cell.setColspan(c.colSpan());
    cell.setPadding(3);
    cell.setBorderWidth(0.5f);
    if (header) {
      cell.setBackgroundColor(new Color(245, 245, 245));
    }
    for (Element e : content) {
      if (e instanceof Paragraph p) {
        p.setSpacingAfter(0);
      }
      cell.addElement(e);
    }
    return cell;
  }

  @Override
  public Void visitRepeatGroup(RepeatGroup g) {
    List<Values> rows = scope.rows(g.id());
    Values outer = scope;
    String outerPrefix = prefix;
    String path = prefix + "/" + g.id();
    for (int i = 0; i < rows.size(); i++) {
      scope = rows.get(i);
      prefix = path + "/" + i;
      blocks(g.children());
    }
    scope = outer;
    prefix = outerPrefix;
    return null;
  }

  @Override
  public Void visitConditional(Conditional c) {
    if (shows(c.condition())) {
      blocks(c.children());
    }
    return null;
  }
}

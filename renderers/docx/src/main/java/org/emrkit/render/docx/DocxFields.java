package org.emrkit.render.docx;

import java.util.List;
import java.util.function.Supplier;
import javax.xml.namespace.QName;
import org.apache.poi.xwpf.usermodel.IRunBody;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.xmlbeans.XmlCursor;
import org.emrkit.dsl.TemplateDecompiler;
import org.emrkit.record.RichText;
import org.emrkit.record.Value;
import org.emrkit.render.FieldView;
import org.emrkit.render.TracedText;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.template.Template;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtContentRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtDate;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtDropDownList;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtListItem;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtRun;

/**
 * Writes a field into a Word paragraph: its text in place (or an underlined blank) and its unit,
 * or, in a form, a content control of the kind that fits its type, tagged with the field's EMR
 * Markdown. Package-private.
 */
final class DocxFields {

  /** Word 2010 namespace of the checkbox content control. */
  static final String W14 = "http://schemas.microsoft.com/office/word/2010/wordml";

  private final WordRuns runs;
  private final Template template;
  private final boolean form;

  DocxFields(WordRuns runs, Template template, boolean form) {
    this.runs = runs;
    this.template = template;
    this.form = form;
  }

  void field(XWPFParagraph p, FieldView v) {
    if (!form) {
      content(p, null, v);
      return;
    }
    Field f = v.field();
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
        for (String[] o : WordRuns.options(template, f)) {
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
      case BOOLEAN -> {
        if (box(v)) {
          checkbox(pr, v.value() instanceof Value.Bool b && b.value());
        } else {
          pr.addNewText();
        }
      }
      default -> pr.addNewText();
    }
    content(p, sdt.addNewSdtContent(), v);
  }

  /**
   * Whether a field is drawn as a box: a checkbox field that holds a flag or nothing (a text a
   * host put there through the API is printed as text, as the HTML view and the PDF print it).
   */
  private static boolean box(FieldView v) {
    return v.field().type() == FieldType.BOOLEAN
        && (v.value() == null || v.value() instanceof Value.Bool);
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

  /** The runs showing a field: its text, or an underlined blank; its unit. */
  private void content(XWPFParagraph p, CTSdtContentRun c, FieldView v) {
    Supplier<XWPFRun> next = c == null ? p::createRun
        : () -> new XWPFRun(c.addNewR(), (IRunBody) p);
    Field f = v.field();
    String text = v.text();
    int size = WordRuns.BODY_HALF_POINTS;
    if (v.traced().isPresent()) {
      traced(next, v.traced().get());
      unit(next, v);
      return;
    }
    if (box(v)) {
      // in a form the box is the content control's own, and the label stays outside it
      boolean checked = v.value() instanceof Value.Bool b && b.value();
      runs.runIn(next.get(), checked ? "☑" : "☐", false, false, 0, size);
      if (c == null && f.label() != null) {
        runs.runIn(next.get(), " " + f.label(), false, false, 0, size);
      }
      return;
    }
    if (text.isEmpty() && v.emptyText() != null) {
      if (!v.emptyText().isEmpty()) {
        runs.runIn(next.get(), v.emptyText(), false, false, 0, size);
      }
      return; // no line and no unit: nothing invites writing
    }
    if (text.isEmpty()) {
      XWPFRun blank = runs.runIn(next.get(),
          "\u00a0".repeat(f.type() == FieldType.RICHTEXT ? 40 : 12), false, false, 0, size);
      blank.setUnderline(UnderlinePatterns.SINGLE);
    } else if (f.type() == FieldType.RICHTEXT) {
      rich(next, text);
    } else if (!v.struckSignature().isEmpty()) {
      // a superseded signature: struck through, the 已修改 note after it as it is
      String struck = v.struckSignature();
      runs.runIn(next.get(), struck, false, false, 0, size).setStrikeThrough(true);
      runs.runIn(next.get(), text.substring(struck.length()), false, false, 0, size);
    } else {
      runs.runIn(next.get(), text, false, false, 0, size);
    }
    unit(next, v);
  }

  private void unit(Supplier<XWPFRun> next, FieldView f) {
    if (f.unit() != null) {
      runs.runIn(next.get(), org.emrkit.record.ValueText.unitSpace(f.unit()) + f.unit(), false,
          false, 0, WordRuns.BODY_HALF_POINTS);
    }
  }

  /** 痕迹: struck in red, put in underlined in blue, who and when after it in small grey type. */
  private void traced(Supplier<XWPFRun> next, TracedText t) {
    for (int k = 0; k < t.pieces().size(); k++) {
      TracedText.Piece piece = t.pieces().get(k);
      String[] lines = org.emrkit.record.ValueText.printable(piece.text()).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        XWPFRun r = runs.runIn(next.get(), lines[i], false, false, 0,
            WordRuns.BODY_HALF_POINTS);
        if (piece.mark() == TracedText.Mark.STRUCK) {
          r.setStrikeThrough(true);
          r.setColor("CC0000");
        } else if (piece.mark() == TracedText.Mark.INSERTED) {
          r.setUnderline(UnderlinePatterns.SINGLE);
          r.setUnderlineColor("0000CC");
          r.setColor("0000CC");
        }
        if (i < lines.length - 1) {
          r.addBreak();
        }
      }
      String step = t.markAfter(k);
      if (!step.isEmpty()) { // which amendment: the note after the field names them in order
        runs.runIn(next.get(), step, false, false, 1, WordRuns.BODY_HALF_POINTS).setColor("555555");
      }
    }
    XWPFRun note = runs.runIn(next.get(), "〔" + t.note() + "〕", false, false, 0, 16);
    note.setColor("555555");
  }

  private void rich(Supplier<XWPFRun> next, String text) {
    List<List<RichText.Run>> paragraphs = RichText.parse(text);
    for (int k = 0; k < paragraphs.size(); k++) {
      if (k > 0) {
        next.get().addBreak();
      }
      for (RichText.Run r : paragraphs.get(k)) {
        String[] lines = org.emrkit.record.ValueText.printable(r.text()).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          XWPFRun run = runs.runIn(next.get(), lines[i], r.bold(), r.italic(), r.script(),
              WordRuns.BODY_HALF_POINTS);
          if (i < lines.length - 1) {
            run.addBreak();
          }
        }
      }
    }
  }
}

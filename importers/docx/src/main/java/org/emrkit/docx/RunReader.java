package org.emrkit.docx;

import static org.emrkit.docx.WordXml.W;
import static org.emrkit.docx.WordXml.child;
import static org.emrkit.docx.WordXml.on;
import static org.emrkit.docx.WordXml.val;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emrkit.template.Field;
import org.emrkit.template.Inline;
import org.emrkit.template.LineBreak;
import org.emrkit.template.PageNumber;
import org.emrkit.template.Text;
import org.emrkit.template.TextStyle;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the runs of a Word paragraph into inlines: styled text, line breaks, page numbers, and
 * fields from content controls, legacy form fields (complex {@code w:fldChar} fields) and literal
 * {@code {{...}}} text. One per form reader.
 */
final class RunReader {

  private static final Pattern LITERAL = Pattern.compile("\\{\\{(.+?)}}");

  /** A piece of a paragraph: text with its styles, or an inline that is not text. */
  private record Piece(String text, Set<TextStyle> styles, Inline inline) {}

  private final FormReader reader;

  RunReader(FormReader reader) {
    this.reader = reader;
  }

  /** The inlines of a paragraph: styled text, fields, line breaks, page numbers. */
  List<Inline> inlines(Element p) {
    List<Piece> pieces = new ArrayList<>();
    FieldState fs = new FieldState();
    runs(p, pieces, fs);
    return literalFields(pieces);
  }

  /** State of a complex field ({@code w:fldChar}) across runs. */
  private static final class FieldState {
    boolean in;
    boolean result;
    StringBuilder instr = new StringBuilder();
    Element ffData;
  }

  private void runs(Element parent, List<Piece> out, FieldState fs) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e) || !W.equals(e.getNamespaceURI())) {
        if (n instanceof Element e && "AlternateContent".equals(e.getLocalName())) {
          reader.findings.warn(reader.where, "docx/unsupported", "图形或文本框已略去", "a drawing or text box was left out");
        }
        continue;
      }
      switch (e.getLocalName()) {
        case "r" -> run(e, out, fs);
        case "hyperlink", "ins", "smartTag", "customXml", "fldSimple" -> {
          if (e.getLocalName().equals("fldSimple")) {
            Inline pn = pageNumber(e.getAttributeNS(W, "instr"));
            if (pn != null) {
              out.add(new Piece(null, null, pn));
              continue;
            }
          }
          runs(e, out, fs);
        }
        case "sdt" -> {
          Element pr = child(e, "sdtPr");
          String before = labelBefore(out);
          if (before == null && out.isEmpty()) {
            before = reader.cellLabel; // a control alone in a cell: its column header names it
          }
          Field f = pr == null ? null : reader.controls.control(pr, before, reader.where);
          if (f != null) {
            out.add(new Piece(null, null, f));
          }
        }
        case "oMath", "oMathPara" -> reader.findings.warn(reader.where, "docx/unsupported", "公式已略去",
            "an equation was left out");
        default -> { }
      }
    }
  }

  private void run(Element r, List<Piece> out, FieldState fs) {
    Set<TextStyle> styles = styles(child(r, "rPr"));
    for (Node n = r.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e) || !W.equals(e.getNamespaceURI())) {
        continue;
      }
      switch (e.getLocalName()) {
        case "fldChar" -> {
          String type = e.getAttributeNS(W, "fldCharType");
          if (type.equals("begin")) {
            fs.in = true;
            fs.result = false;
            fs.instr.setLength(0);
            fs.ffData = child(e, "ffData");
          } else if (type.equals("separate")) {
            fs.result = true;
          } else if (type.equals("end") && fs.in) {
            fs.in = false;
            complexField(fs, out);
          }
        }
        case "instrText" -> fs.instr.append(e.getTextContent());
        case "t" -> {
          if (!fs.in || fs.result && keepsResult(fs)) {
            out.add(new Piece(e.getTextContent(), styles, null));
          }
        }
        case "tab" -> out.add(new Piece("\t", styles, null));
        case "noBreakHyphen" -> out.add(new Piece("-", styles, null));
        case "br", "cr" -> {
          if (!"page".equals(e.getAttributeNS(W, "type"))) {
            out.add(new Piece(null, null, LineBreak.INSTANCE));
          }
        }
        case "drawing", "pict", "object" -> reader.findings.warn(reader.where, "docx/image", "图片或对象已略去",
            "an image or embedded object was left out");
        default -> { }
      }
    }
  }

  private boolean keepsResult(FieldState fs) {
    String instr = fs.instr.toString().strip();
    return pageNumber(instr) == null && !instr.startsWith("FORM");
  }

  private void complexField(FieldState fs, List<Piece> out) {
    String instr = fs.instr.toString().strip();
    Inline pn = pageNumber(instr);
    if (pn != null) {
      out.add(new Piece(null, null, pn));
      return;
    }
    if (instr.startsWith("FORM") && fs.ffData != null) {
      Field f = reader.controls.legacyFormField(instr, fs.ffData, reader.where);
      if (f != null) {
        out.add(new Piece(null, null, f));
      }
      return;
    }
    reader.findings.info(reader.where, "docx/field", "域“" + instr + "”按其显示文字导入",
        "the field \"" + instr + "\" was imported as its displayed text");
  }

  private static Inline pageNumber(String instr) {
    String w = instr.strip().split("\\s+")[0].toUpperCase(java.util.Locale.ROOT);
    return switch (w) {
      case "PAGE" -> PageNumber.page();
      case "NUMPAGES", "SECTIONPAGES" -> PageNumber.pages();
      default -> null;
    };
  }

  private static Set<TextStyle> styles(Element rPr) {
    Set<TextStyle> s = EnumSet.noneOf(TextStyle.class);
    if (rPr == null) {
      return s;
    }
    if (on(child(rPr, "b"))) {
      s.add(TextStyle.BOLD);
    }
    if (on(child(rPr, "i"))) {
      s.add(TextStyle.ITALIC);
    }
    String v = val(child(rPr, "vertAlign"));
    if ("superscript".equals(v)) {
      s.add(TextStyle.SUPERSCRIPT);
    } else if ("subscript".equals(v)) {
      s.add(TextStyle.SUBSCRIPT);
    }
    return s;
  }

  /** Joins text pieces, finds literal {@code {{...}}} fields in them, and merges styled runs. */
  private List<Inline> literalFields(List<Piece> pieces) {
    List<Inline> out = new ArrayList<>();
    int i = 0;
    while (i < pieces.size()) {
      if (pieces.get(i).inline() != null) {
        out.add(pieces.get(i).inline());
        i++;
        continue;
      }
      StringBuilder text = new StringBuilder();
      List<Set<TextStyle>> style = new ArrayList<>();
      while (i < pieces.size() && pieces.get(i).inline() == null) {
        Piece p = pieces.get(i++);
        String t = p.text();
        text.append(t);
        for (int k = 0; k < t.length(); k++) {
          style.add(p.styles());
        }
      }
      Matcher m = LITERAL.matcher(text);
      int at = 0;
      while (m.find()) {
        styled(out, text, style, at, m.start());
        Field f = reader.controls.literal(m.group(1), reader.where);
        if (f != null) {
          out.add(f);
        } else {
          styled(out, text, style, m.start(), m.end());
        }
        at = m.end();
      }
      styled(out, text, style, at, text.length());
    }
    return out;
  }

  private static void styled(List<Inline> out, CharSequence text, List<Set<TextStyle>> style,
      int from, int to) {
    int start = from;
    for (int k = from; k <= to; k++) {
      if (k == to || !style.get(k).equals(style.get(start))) {
        if (k > start) {
          Set<TextStyle> s = style.get(start);
          String run = text.subSequence(start, k).toString();
          if (!out.isEmpty() && out.get(out.size() - 1) instanceof Text prev
              && prev.styles().equals(s)) {
            out.set(out.size() - 1, new Text(prev.text() + run, s));
          } else {
            out.add(new Text(run, s));
          }
        }
        start = k;
      }
    }
  }

  /** The text just before a control in its paragraph, as a label ({@code 性别：} → 性别). */
  private static String labelBefore(List<Piece> pieces) {
    StringBuilder sb = new StringBuilder();
    for (int i = pieces.size() - 1; i >= 0 && pieces.get(i).inline() == null; i--) {
      sb.insert(0, pieces.get(i).text());
    }
    String t = sb.toString();
    int cut = Math.max(t.lastIndexOf('　'), Math.max(t.lastIndexOf('\t'), t.lastIndexOf("  ")));
    t = t.substring(cut + 1).replaceAll("[：:\\s]+$", "").strip();
    return t.isEmpty() || t.length() > 40 || t.contains("{{") ? null : t;
  }
}

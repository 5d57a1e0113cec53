package org.emrkit.docx;

import static org.emrkit.docx.WordXml.W;
import static org.emrkit.docx.WordXml.child;
import static org.emrkit.docx.WordXml.collectCells;
import static org.emrkit.docx.WordXml.collectRows;
import static org.emrkit.docx.WordXml.gridSkip;
import static org.emrkit.docx.WordXml.on;
import static org.emrkit.docx.WordXml.val;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.emrkit.dsl.Fragments;
import org.emrkit.template.Block;
import org.emrkit.template.Cell;
import org.emrkit.template.Conditional;
import org.emrkit.template.Field;
import org.emrkit.template.Inline;
import org.emrkit.template.LineBreak;
import org.emrkit.template.PageNumber;
import org.emrkit.template.Paragraph;
import org.emrkit.template.RepeatGroup;
import org.emrkit.template.Section;
import org.emrkit.template.SectionBuilder;
import org.emrkit.template.Table;
import org.emrkit.template.TemplateLimits;
import org.emrkit.template.Text;
import org.emrkit.template.TextStyle;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Walks the XML of one Word document (body, then page header and footer) and builds template
 * blocks; every element it cannot map becomes a diagnostic naming where it was. Single use.
 */
final class FormReader {

  private static final Pattern LITERAL = Pattern.compile("\\{\\{(.+?)}}");
  private static final Pattern HEADING_NAME = Pattern.compile(
      "(?i)(?:heading|标题)\\s*([1-9])");
  private static final int MAX_DEPTH = 24;
  private static final int MAX_ELEMENTS = 200_000;

  /** Where blocks go: a list, and the sections opened by headings inside it. */
  private static final class Frame {
    final List<Block> blocks = new ArrayList<>();
    final Deque<Draft> open = new ArrayDeque<>();
    final boolean sectionsAllowed;

    Frame(boolean sectionsAllowed) {
      this.sectionsAllowed = sectionsAllowed;
    }
  }

  /** A section being filled. */
  private static final class Draft {
    final int level;
    final Section prototype;
    final List<Block> children = new ArrayList<>();

    Draft(int level, Section prototype) {
      this.level = level;
      this.prototype = prototype;
    }
  }

  /** A piece of a paragraph before literal fields are found. */
  private record Piece(String text, Set<TextStyle> styles, Inline inline) {}

  private final XWPFDocument doc;
  private final Dsl dsl;
  private final Findings findings;
  private final Controls controls;
  private final Map<String, Integer> outlineOfStyle = new HashMap<>();
  private final Deque<Set<String>> names = new ArrayDeque<>();
  private final Set<String> sectionIds = new HashSet<>();
  private final Set<String> tableIds = new HashSet<>();
  private Frame frame;
  private String where = "body";
  private int paragraphs;
  private int tables;
  private int elements;
  private int depth;
    String title;

  FormReader(XWPFDocument doc, Dsl dsl, String file, List<ImportDiagnostic> diagnostics) {
    this.doc = doc;
    this.dsl = dsl;
    this.findings = new Findings(file, diagnostics);
    names.push(new HashSet<>());
    this.controls = new Controls(dsl, findings, names);
    if (doc.getStyles() != null) {
      for (String id : styleIds()) {
        XWPFStyle s = doc.getStyles().getStyle(id);
        Integer level = null;
        if (s.getCTStyle().isSetPPr() && s.getCTStyle().getPPr().isSetOutlineLvl()) {
          level = s.getCTStyle().getPPr().getOutlineLvl().getVal().intValue();
        } else if (s.getName() != null) {
          Matcher m = HEADING_NAME.matcher(s.getName());
          if (m.matches()) {
            level = Integer.parseInt(m.group(1)) - 1;
          }
        }
        if (level != null && level < 9) {
          outlineOfStyle.put(id, level);
        }
      }
    }
  }

  private List<String> styleIds() {
    List<String> ids = new ArrayList<>();
    for (var s : doc.getStyles().getStyles()) {
      if (s.getStyleId() != null) {
        ids.add(s.getStyleId());
      }
    }
    return ids;
  }

  /** Value sets the importer defined for drop-down lists. */
  List<String> valueSets() {
    return controls.valueSets;
  }

  // ------------------------------------------------------------------ entry points

  /** The body's blocks. */
  List<Block> body() throws java.io.IOException {
    frame = new Frame(true);
    Element document = WordXml.parse(doc.getPackagePart());
    children(child(document, "body"));
    return close(frame);
  }

  /** The blocks of a page header or footer (paragraphs only). */
  List<Block> area(Node hdrFtr, String name) {
    where = name;
    Frame outer = frame;
    frame = new Frame(false);
    children(hdrFtr);
    List<Block> out = new ArrayList<>();
    for (Block b : close(frame)) {
      if (b instanceof Paragraph) {
        out.add(b);
      } else {
        findings.warn(name, "docx/unsupported", "页眉页脚中只保留段落，表格等已略去",
            "only paragraphs are kept in a page header or footer; a table or container was left "
                + "out");
      }
    }
    frame = outer;
    return out;
  }

  // ------------------------------------------------------------------ block level

  private void children(Node parent) {
    if (++depth > MAX_DEPTH) {
      findings.error(where, "docx/too-deep", "嵌套过深(超过 " + MAX_DEPTH + " 层)，其中内容已略去",
          "nested more than " + MAX_DEPTH + " deep; the content inside was left out");
      depth--;
      return;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e)) {
        continue;
      }
      if (++elements > MAX_ELEMENTS) {
        if (elements == MAX_ELEMENTS + 1) {
          findings.error(where, "docx/too-large", "文档元素过多(超过 " + MAX_ELEMENTS + " 个)",
              "the document has more than " + MAX_ELEMENTS + " elements");
        }
        break;
      }
      if (!W.equals(e.getNamespaceURI())) {
        continue;
      }
      switch (e.getLocalName()) {
        case "p" -> paragraph(e);
        case "tbl" -> add(table(e));
        case "sdt" -> blockControl(e);
        case "customXml", "smartTag" -> children(e);
        case "sectPr", "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd",
            "commentRangeStart", "commentRangeEnd", "tblPr", "tblGrid", "trPr", "tcPr",
            "sdtPr", "sdtEndPr" -> { }
        default -> findings.warn(where, "docx/unsupported", "无法转换的元素 w:" + e.getLocalName()
            + "，已略去", "element w:" + e.getLocalName() + " cannot be mapped; left out");
      }
    }
    depth--;
  }

  private void add(Block b) {
    if (b == null) {
      return;
    }
    if (frame.open.isEmpty()) {
      frame.blocks.add(b);
    } else {
      frame.open.peek().children.add(b);
    }
  }

  private List<Block> close(Frame f) {
    while (!f.open.isEmpty()) {
      closeTop(f);
    }
    return f.blocks;
  }

  private void closeTop(Frame f) {
    Draft d = f.open.pop();
    Section p = d.prototype;
    Section s;
    try {
      s = new Section(p.id(), p.title(), p.required(), p.dataElement(), p.code(), p.when(),
          d.children);
    } catch (IllegalArgumentException ex) {
      findings.error(where, "docx/section", "章节“" + p.title() + "”无效：" + ex.getMessage(),
          "section \"" + p.title() + "\" is invalid: " + ex.getMessage());
      return;
    }
    if (f.open.isEmpty()) {
      f.blocks.add(s);
    } else {
      f.open.peek().children.add(s);
    }
  }

  private void openSection(int level, Section prototype) {
    while (!frame.open.isEmpty() && frame.open.peek().level >= level) {
      closeTop(frame);
    }
    String id = prototype.id();
    if (!sectionIds.add(id)) {
      String fresh = unique(id, sectionIds);
      findings.warn(where, "docx/duplicate-section", "章节编号 " + id + " 重复，改为 " + fresh,
          "section id " + id + " is used twice; renamed " + fresh);
      id = fresh;
    }
    frame.open.push(new Draft(level, new Section(id, prototype.title(), prototype.required(),
        prototype.dataElement(), prototype.code(), prototype.when(), List.of())));
  }

  static String unique(String base, Set<String> taken) {
    for (int i = 2; ; i++) {
      String c = base + (base.matches(".*[A-Za-z0-9_]$") ? "_" : "") + i;
      if (taken.add(c)) {
        return c;
      }
    }
  }

  /** A block-level content control: one of ours (section, repeat, if), a field, or unwrapped. */
  private void blockControl(Element sdt) {
    Element pr = child(sdt, "sdtPr");
    Element content = child(sdt, "sdtContent");
    String tag = pr == null ? null : val(child(pr, "tag"));
    if (content == null) {
      return;
    }
    try {
      if (tag != null && tag.startsWith("#")) {
        if (!frame.sectionsAllowed) {
          findings.warn(where, "docx/section-here", "此处不能有章节，按普通内容处理",
              "a section cannot stand here; its content is kept as plain content");
          children(content);
          return;
        }
        int level = tag.indexOf(' ') < 0 ? 2 : tag.substring(0, tag.indexOf(' ')).length();
        openSection(level, dsl.section(tag));
        Deque<Draft> mark = new ArrayDeque<>(frame.open);
        skipHeading = true;
        children(content);
        skipHeading = false;
        while (frame.open.size() >= mark.size() && !frame.open.isEmpty()) {
          closeTop(frame);
        }
        return;
      }
      if (tag != null && tag.startsWith("repeat ")) {
        Fragments.Repeat g = dsl.repeat(tag);
        List<Block> inner = group(content, g.id());
        add(new RepeatGroup(g.id(), g.label(), g.min(), g.max(), inner));
        return;
      }
      if (tag != null && tag.startsWith("if ")) {
        add(new Conditional(dsl.condition(tag), inside(content, false)));
        return;
      }
    } catch (Dsl.Failure f) {
      findings.error(where, "docx/tag", "内容控件标记“" + tag + "”无效：" + f.zh,
          "content control tag \"" + tag + "\" is invalid: " + f.en);
      children(content);
      return;
    } catch (IllegalArgumentException ex) {
      findings.error(where, "docx/invalid", ex.getMessage(), ex.getMessage());
      return;
    }
    if (pr != null && (tag != null || Controls.kind(pr) != null)) {
      // a control around whole paragraphs: one field of its own
      paragraphs++;
      where = "paragraph " + paragraphs;
      Field f = controls.control(pr, null, where);
      if (f != null) {
        add(new Paragraph(List.of(f)));
      }
      return;
    }
    findings.info(where, "docx/unwrapped", "无标记的块级内容控件，已按其内容导入",
        "a block content control without a tag; its content was imported as it is");
    children(content);
  }

  private boolean skipHeading;
  private String cellWhere;
  /** The header text over the table cell being read, to label a control alone in it. */
  private String cellLabel;

  /** The blocks inside a container, in a frame of their own (no sections there). */
  private List<Block> inside(Node content, boolean sections) {
    Frame outer = frame;
    frame = new Frame(sections);
    children(content);
    List<Block> out = close(frame);
    frame = outer;
    return out;
  }

  /** The blocks of a repeat group or repeating row: its own scope of field names. */
  private List<Block> group(Node content, String id) {
    if (!names.peek().add(id)) {
      findings.warn(where, "docx/duplicate-name", "名称 " + id + " 重复", "name " + id + " is used twice");
    }
    names.push(new HashSet<>());
    List<Block> out = inside(content, false);
    names.pop();
    return out;
  }

  // ------------------------------------------------------------------ paragraphs

  private void paragraph(Element p) {
    paragraphs++;
    where = (cellWhere == null ? "" : cellWhere + ", ") + "paragraph " + paragraphs;
    String style = val(child(child(p, "pPr"), "pStyle"));
    Integer outline = style == null ? null : outlineOfStyle.get(style);
    Element ownOutline = child(child(p, "pPr"), "outlineLvl");
    if (ownOutline != null) {
      outline = Integer.parseInt(val(ownOutline));
    }
    String shown = p.getTextContent().strip();
    if (!shown.isEmpty()) {
      where = where + " “" + (shown.length() > 12 ? shown.substring(0, 12) + "…" : shown) + "”";
    }
    List<Inline> inlines = inlines(p);
    String text = plain(inlines);
    if (inlines.isEmpty()) {
      return;
    }
    if ("Title".equals(style) || "标题".equals(style)) {
      if (title == null) {
        title = text.strip();
        return;
      }
    }
    if (outline != null && outline < 6 && !text.isBlank()) {
      if (skipHeading) {
        skipHeading = false;
        return;
      }
      if (frame.sectionsAllowed && inlines.stream().noneMatch(i -> i instanceof Field)) {
        openSection(outline + 2, new Section(SectionBuilder.deriveId(text.strip()),
            text.strip(), false, null, null, null, List.of()));
        return;
      }
      if (!frame.sectionsAllowed) {
        findings.warn(where, "docx/heading-here", "表格或容器中的标题按普通段落导入",
            "a heading inside a table or container was imported as a plain paragraph");
      }
    }
    skipHeading = false;
    add(new Paragraph(inlines));
  }

  private static String plain(List<Inline> inlines) {
    StringBuilder sb = new StringBuilder();
    for (Inline i : inlines) {
      if (i instanceof Text t) {
        sb.append(t.text());
      } else if (i instanceof Field f) {
        sb.append("{{").append(f.name()).append("}}");
      }
    }
    return sb.toString();
  }

  /** The inlines of a paragraph: styled text, fields, line breaks, page numbers. */
  private List<Inline> inlines(Element p) {
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
          findings.warn(where, "docx/unsupported", "图形或文本框已略去", "a drawing or text box was left out");
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
            before = cellLabel; // a control alone in a cell: its column header names it
          }
          Field f = pr == null ? null : controls.control(pr, before, where);
          if (f != null) {
            out.add(new Piece(null, null, f));
          }
        }
        case "oMath", "oMathPara" -> findings.warn(where, "docx/unsupported", "公式已略去",
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
        case "drawing", "pict", "object" -> findings.warn(where, "docx/image", "图片或对象已略去",
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
      Field f = controls.legacyFormField(instr, fs.ffData, where);
      if (f != null) {
        out.add(new Piece(null, null, f));
      }
      return;
    }
    findings.info(where, "docx/field", "域“" + instr + "”按其显示文字导入",
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
        Field f = controls.literal(m.group(1), where);
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

  // ------------------------------------------------------------------ tables

  /** An anchored cell while the grid is read. */
  private static final class Slot {
    final int row;
    final int column;
    int rowSpan = 1;
    final int colSpan;
    final List<Block> content;

    Slot(int row, int column, int colSpan, List<Block> content) {
      this.row = row;
      this.column = column;
      this.colSpan = colSpan;
      this.content = content;
    }
  }

  private Table table(Element tbl) {
    tables++;
    String outerWhere = where;
    String name = "table " + tables;
    String caption = val(child(child(tbl, "tblPr"), "tblCaption"));
    List<Double> widths = new ArrayList<>();
    for (Element g : WordXml.elements(child(tbl, "tblGrid"), "gridCol")) {
      String w = g.getAttributeNS(W, "w");
      widths.add(w.matches("\\d{1,7}") && Integer.parseInt(w) > 0 ? Double.parseDouble(w) : 1.0);
    }
    Fragments.TableAttributes attrs = null;
    if (caption != null && caption.startsWith("{:")) {
      try {
        attrs = dsl.tableAttributes(caption);
      } catch (Dsl.Failure f) {
        findings.error(name, "docx/tag", "表格属性“" + caption + "”无效：" + f.zh,
            "table attributes \"" + caption + "\" are invalid: " + f.en);
      }
    }
    boolean repeating = attrs != null && attrs.repeat();
    List<Element> rows = new ArrayList<>();
    collectRows(tbl, rows);
    int columns = widths.size();
    List<Slot> slots = new ArrayList<>();
    Map<Integer, Slot[]> byRow = new LinkedHashMap<>();
    int headerRows = 0;
    boolean headerDone = false;
    if (repeating) {
      names.peek().add(attrs.id());
    }
    Map<Integer, String> headers = new HashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      Element tr = rows.get(r);
      Element trPr = child(tr, "trPr");
      if (!headerDone && child(trPr, "tblHeader") != null && on(child(trPr, "tblHeader"))) {
        headerRows++;
      } else {
        headerDone = true;
      }
      boolean template = repeating && r == rows.size() - 1;
      if (template) {
        names.push(new HashSet<>());
      }
      int c = gridSkip(trPr, "gridBefore");
      List<Element> tcs = new ArrayList<>();
      collectCells(tr, tcs);
      Slot[] line = new Slot[Math.max(columns, 1) + 64];
      for (int k = 0; k < tcs.size(); k++) {
        Element tc = tcs.get(k);
        Element tcPr = child(tc, "tcPr");
        String spanText = val(child(tcPr, "gridSpan"));
        int span = spanText != null && spanText.matches("\\d{1,3}") ? Math.max(1,
            Integer.parseInt(spanText)) : 1;
        Element vMerge = child(tcPr, "vMerge");
        String merge = vMerge == null ? null : vMerge.getAttributeNS(W, "val");
        where = name + ", row " + (r + 1) + ", cell " + (k + 1);
        if (c + span > TemplateLimits.MAX_COLUMNS || c + span > line.length) {
          findings.error(name, "docx/too-wide", "表格列数过多", "the table has too many columns");
          break;
        }
        String outerCell = cellWhere;
        String outerLabel = cellLabel;
        cellWhere = where;
        cellLabel = headerDone ? headers.get(c) : null;
        Slot above = r > 0 && byRow.get(r - 1) != null ? byRow.get(r - 1)[c] : null;
        if (vMerge != null && !"restart".equals(merge) && above != null
            && above.column == c && above.colSpan == span) {
          above.rowSpan++;
          for (int x = c; x < c + span; x++) {
            line[x] = above;
          }
        } else {
          if (vMerge != null && !"restart".equals(merge)) {
            findings.warn(where, "docx/merge", "纵向合并的单元格上方没有对应单元格，按独立单元格导入",
                "a vertically merged cell has no matching cell above; imported as a cell of its "
                    + "own");
          }
          Slot s = new Slot(r, c, span, inside(tc, false));
          slots.add(s);
          String text = headerDone ? null : textOnly(s.content);
          for (int x = c; x < c + span; x++) {
            line[x] = s;
            if (text != null) {
              headers.merge(x, text, (a, b) -> a + " " + b);
            }
          }
        }
        cellWhere = outerCell;
        cellLabel = outerLabel;
        c += span;
      }
      if (template) {
        names.pop();
      }
      columns = Math.max(columns, c);
      byRow.put(r, line);
    }
    where = outerWhere;
    if (rows.isEmpty() || columns == 0) {
      findings.warn(name, "docx/empty-table", "空表格已略去", "an empty table was left out");
      return null;
    }
    // fill gaps (short rows) with empty cells
    for (int r = 0; r < rows.size(); r++) {
      Slot[] line = byRow.get(r);
      for (int c = 0; c < columns; c++) {
        if (line[c] == null) {
          Slot s = new Slot(r, c, 1, List.of());
          slots.add(s);
          line[c] = s;
          findings.warn(name + ", row " + (r + 1), "docx/short-row", "该行单元格少于表格列数，已补空单元格",
              "the row has fewer cells than the table has columns; empty cells were added");
        }
      }
    }
    List<Cell> cells = new ArrayList<>();
    for (Slot s : slots) {
      cells.add(new Cell(s.row, s.column, s.rowSpan, s.colSpan, s.content));
    }
    while (widths.size() < columns) {
      widths.add(widths.isEmpty() ? 1.0 : widths.get(widths.size() - 1));
    }
    List<Double> ws = attrs != null && attrs.widths() != null && attrs.widths().size() == columns ? attrs.widths()
        : percentages(widths.subList(0, columns));
    String id = attrs != null ? attrs.id() : null;
    if (id == null && depth > 1) {
      id = "table-" + tables;
    }
    if (id != null && !repeating && !tableIds.add(id)) {
      id = unique(id, tableIds);
    }
    try {
      return new Table(id, rows.size(), columns, ws, repeating ? headerRows : headerRows,
          repeating, repeating ? attrs.minRows() : 0, repeating ? attrs.maxRows() : null, cells);
    } catch (IllegalArgumentException ex) {
      if (headerRows > 0) {
        findings.warn(name, "docx/header-rows", "标题行设置无效，已取消：" + ex.getMessage(),
            "the header rows are not valid and were dropped: " + ex.getMessage());
        try {
          return new Table(id, rows.size(), columns, ws, 0, repeating,
              repeating ? attrs.minRows() : 0, repeating ? attrs.maxRows() : null, cells);
        } catch (IllegalArgumentException again) {
          ex = again;
        }
      }
      findings.error(name, "docx/table", "表格无法导入：" + ex.getMessage(),
          "the table cannot be imported: " + ex.getMessage());
      return null;
    }
  }

  /** The text of blocks that are only text (a header cell), or {@code null}. */
  private static String textOnly(List<Block> blocks) {
    StringBuilder sb = new StringBuilder();
    for (Block b : blocks) {
      if (!(b instanceof Paragraph p)) {
        return null;
      }
      for (Inline i : p.inlines()) {
        if (!(i instanceof Text t)) {
          return null;
        }
        sb.append(t.text());
      }
    }
    String text = sb.toString().strip();
    return text.isEmpty() || text.length() > 40 ? null : text;
  }

  /** Column widths as percentages, or all 1.0 (equal columns) when they are about equal. */
  private static List<Double> percentages(List<Double> twips) {
    double sum = twips.stream().mapToDouble(Double::doubleValue).sum();
    double min = twips.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = twips.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    if (max - min <= 0.01 * sum / twips.size() + 1) {
      return java.util.Collections.nCopies(twips.size(), 1.0);
    }
    List<Double> out = new ArrayList<>();
    for (double w : twips) {
      out.add(Math.max(0.1, Math.round(w / sum * 1000) / 10.0));
    }
    return out;
  }
}

package org.emrkit.docx;

import static org.emrkit.docx.WordXml.W;
import static org.emrkit.docx.WordXml.child;
import static org.emrkit.docx.WordXml.val;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.emrkit.dsl.Fragments;
import org.emrkit.template.Block;
import org.emrkit.template.Conditional;
import org.emrkit.template.Field;
import org.emrkit.template.Inline;
import org.emrkit.template.Paragraph;
import org.emrkit.template.RepeatGroup;
import org.emrkit.template.Section;
import org.emrkit.template.SectionBuilder;
import org.emrkit.template.Text;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Walks the XML of one Word document (body, then page header and footer) and builds template
 * blocks; every element it cannot map becomes a diagnostic naming where it was. Single use.
 */
final class FormReader {

  private static final Pattern HEADING_NAME = Pattern.compile(
      "(?i)(?:heading|标题)\\s*([1-9])");
  private static final int MAX_DEPTH = 24;
  private static final int MAX_ELEMENTS = 200_000;

  /** A piece of a paragraph before literal fields are found. */

  private final XWPFDocument doc;
  final Dsl dsl;
  final Findings findings;
  final Controls controls;
  private final RunReader runs = new RunReader(this);
  private final Map<String, Integer> outlineOfStyle = new HashMap<>();
  final Deque<Set<String>> names = new ArrayDeque<>();
  private final Set<String> sectionIds = new HashSet<>();
  final Set<String> tableIds = new HashSet<>();
  private Frame frame;
  String where = "body";
  private int paragraphs;
  int tables;
  private int elements;
  int depth;
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
        case "tbl" -> add(new TableForm(this).table(e));
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
    frame.add(b);
  }

  private List<Block> close(Frame f) {
    return f.close(findings, where);
  }

  private void openSection(int level, Section prototype, boolean runIn) {
    while (!frame.open.isEmpty() && frame.open.peek().level >= level) {
      frame.closeTop(findings, where);
    }
    String id = prototype.id();
    if (!sectionIds.add(id)) {
      String fresh = unique(id, sectionIds);
      findings.warn(where, "docx/duplicate-section", "章节编号 " + id + " 重复，改为 " + fresh,
          "section id " + id + " is used twice; renamed " + fresh);
      id = fresh;
    }
    frame.open.push(new Frame.Draft(level, new Section(id, prototype.title(), prototype.required(),
        prototype.dataElement(), prototype.code(), prototype.when(), List.of(), false,
        prototype.newPage()), runIn));
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
      if (tag != null && (tag.startsWith("#") || tag.startsWith("**"))) {
        sectionControl(tag, content);
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

  /**
   * A section's content control (tag {@code ## 主诉 {#cc}}, or {@code **主诉：**{#cc}} for a run-in
   * heading): the section it opens holds what the control holds.
   */
  private void sectionControl(String tag, Element content) throws Dsl.Failure {
    if (!frame.sectionsAllowed) {
      findings.warn(where, "docx/section-here", "此处不能有章节，按普通内容处理",
          "a section cannot stand here; its content is kept as plain content");
      children(content);
      return;
    }
    boolean runIn = tag.startsWith("**");
    int level = runIn ? (frame.open.isEmpty() ? 2 : frame.open.peek().level + 1)
        : tag.indexOf(' ') < 0 ? 2 : tag.substring(0, tag.indexOf(' ')).length();
    Section prototype = runIn ? dsl.runIn(tag) : dsl.section(tag);
    openSection(level, prototype, runIn);
    int depth = frame.open.size();
    skipHeading = !runIn;
    runInLabel = runIn ? prototype.title() + "：" : null;
    children(content);
    skipHeading = false;
    runInLabel = null;
    while (frame.open.size() >= depth && !frame.open.isEmpty()) {
      frame.closeTop(findings, where);
    }
  }

  private boolean skipHeading;
  /** A run-in section's label, which its paragraph starts with (the form prints it). */
  private String runInLabel;
  String cellWhere;
  /** The header text over the table cell being read, to label a control alone in it. */
  String cellLabel;

  /** The blocks inside a container, in a frame of their own (no sections there). */
  List<Block> inside(Node content, boolean sections) {
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
    List<Inline> inlines = runs.inlines(p);
    if (runInLabel != null && !inlines.isEmpty() && inlines.get(0) instanceof Text t
        && t.text().startsWith(runInLabel)) {
      inlines = new ArrayList<>(inlines);
      String rest = t.text().substring(runInLabel.length());
      if (rest.isEmpty()) {
        inlines.remove(0);
      } else {
        inlines.set(0, new Text(rest, t.styles()));
      }
      runInLabel = null;
    }
    String text = plain(inlines);
    // line breaks alone (Shift+Enter for spacing) hold nothing; a paragraph of them was a
    // whole document refused as unreadable
    if (inlines.stream().allMatch(i -> i instanceof org.emrkit.template.LineBreak)) {
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
            text.strip(), false, null, null, null, List.of()), false);
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
}

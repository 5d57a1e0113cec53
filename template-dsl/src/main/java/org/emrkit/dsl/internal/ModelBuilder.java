package org.emrkit.dsl.internal;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.util.ast.BlankLine;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.emrkit.template.Block;
import org.emrkit.template.Concept;
import org.emrkit.template.Conditional;
import org.emrkit.template.Expression;
import org.emrkit.template.Orientation;
import org.emrkit.template.PageSetup;
import org.emrkit.template.Paper;
import org.emrkit.template.RepeatGroup;
import org.emrkit.template.Section;
import org.emrkit.template.SectionBuilder;
import org.emrkit.template.Table;
import org.emrkit.template.Template;
import org.emrkit.template.TemplateException;
import org.emrkit.template.ValueSet;

/**
 * Builds the model from the Flexmark AST of one EMR Markdown file. First pass: value sets and
 * named tables (they may be used before they are defined). Second pass: front matter, then the
 * blocks in order, {@code ##}-headings opening sections. Every problem becomes a diagnostic; a
 * template is made only if there was no error.
 */
public final class ModelBuilder {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
  private static final Pattern SEMVER = Pattern.compile(
      "(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})(-[0-9A-Za-z.-]{1,40})?");

  /** The outcome: a template (null if there were errors) and the diagnostics. */
  public record Result(Template template, List<org.emrkit.dsl.Diagnostic> diagnostics) {}

  private static final class SectionDraft {
    final int level;
    final int offset;
    final String title;
    String id;
    boolean derived;
    boolean required;
    String de;
    String code;
    Expression when;
    final List<Block> blocks = new ArrayList<>();
    final List<SectionDraft> subs = new ArrayList<>();

    SectionDraft(int level, int offset, String title) {
      this.level = level;
      this.offset = offset;
      this.title = title;
    }
  }

  private final BuildState state;
  private final TableReader tables;
  private final List<Block> topBlocks = new ArrayList<>();
  private final List<SectionDraft> topSections = new ArrayList<>();
  private final Deque<SectionDraft> open = new ArrayDeque<>();
  private List<Block> pageHeader;
  private List<Block> pageFooter;
  private String heading;

  private ModelBuilder(BuildState state) {
    this.state = state;
    this.tables = new TableReader(state);
  }

  /** Compiles {@code text} (already with {@code \n} line ends) from {@code file}. */
  public static Result build(String file, String text, int maxDiagnostics) {
    Source source = new Source(file, text);
    Problems problems = new Problems(source, maxDiagnostics);
    ModelBuilder b = new ModelBuilder(new BuildState(source, problems));
    Template t = b.run(DslParser.parse(text));
    return new Result(problems.hasErrors() ? null : t, problems.list());
  }

  private Template run(Document doc) {
    Node first = doc.getFirstChild();
    while (first instanceof BlankLine) {
      first = first.getNext();
    }
    FrontMatter fm = null;
    if (first instanceof YamlFrontMatterBlock) {
      fm = FrontMatter.read(first.getChars(), state.problems);
    } else {
      state.problems.error(0, "dsl/front-matter-missing", "缺少前置信息(以 --- 开头的 id、version、title)",
          "missing front matter (--- block with id, version, title)");
    }
    collect(doc);
    for (Node n = doc.getFirstChild(); n != null && !state.problems.isFull(); n = n.getNext()) {
      if (n instanceof Heading h) {
        heading(h);
      } else if (n instanceof ContainerBlock c && isPageArea(c)) {
        pageArea(c);
      } else if (!(n instanceof YamlFrontMatterBlock)) {
        List<Block> blocks = block(n);
        (open.isEmpty() ? topBlocks : open.peek().blocks).addAll(blocks);
      }
    }
    for (BuildState.NamedTable t : state.namedTables.values()) {
      if (t.state == 0) {
        state.problems.warning(t.offset, "dsl/unused-table", "命名表格 " + t.id + " 未被使用",
            "named table " + t.id + " is not used");
      }
    }
    for (String id : state.valueSets.keySet()) {
      if (!state.usedValueSets.contains(id)) {
        state.problems.warning(state.valueSetOffsets.get(id), "dsl/unused-value-set",
            "值集 " + id + " 未被使用", "value set " + id + " is not used");
      }
    }
    if (fm == null || state.problems.hasErrors()) {
      return null;
    }
    return assemble(fm);
  }

  // ------------------------------------------------------------------ first pass

  private void collect(Node parent) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof FencedCodeBlock f && f.getInfo().toString().strip().startsWith("valueset")) {
        valueSet(f);
      } else if (n instanceof ContainerBlock c && kind(c).equals("table")) {
        namedTable(c);
      }
      if (n instanceof ContainerBlock) {
        collect(n);
      }
    }
  }

  private void valueSet(FencedCodeBlock f) {
    BasedSequence info = f.getInfo();
    List<Attributes.Attr> attrs = Attributes.lex(info.subSequence("valueset".length()),
        state.problems, "dsl/bad-value-set");
    if (attrs == null) {
      return;
    }
    String id = null;
    String system = null;
    for (Attributes.Attr a : attrs) {
      if (a.isFlag() && id == null) {
        id = a.name();
      } else if (a.name().equals("system") && !a.isFlag()) {
        system = a.value();
      } else {
        state.problems.error(a.nameOffset(), "dsl/bad-value-set", "值集行应为 ```valueset ID system=...",
            "a value set starts ```valueset ID system=...");
        return;
      }
    }
    if (id == null) {
      state.problems.error(info.getStartOffset(), "dsl/bad-value-set", "值集缺少 id",
          "the value set has no id");
      return;
    }
    List<Concept> concepts = new ArrayList<>();
    java.util.Set<String> codes = new java.util.HashSet<>();
    for (BasedSequence line : f.getContentLines()) {
      String s = line.toString().strip();
      if (s.isEmpty()) {
        continue;
      }
      String[] parts = s.split("\\s+", 2);
      if (parts.length < 2) {
        state.problems.error(line.getStartOffset(), "dsl/bad-value-set", "值集每行应为 \"编码 名称\"",
            "each value-set line is \"code display\"");
        continue;
      }
      if (!codes.add(parts[0])) {
        state.problems.error(line.getStartOffset(), "dsl/bad-value-set", "编码 " + parts[0] + " 重复",
            "code " + parts[0] + " is given twice");
        continue;
      }
      concepts.add(new Concept(parts[0], parts[1].strip()));
    }
    if (state.valueSets.containsKey(id)) {
      state.problems.error(info.getStartOffset(), "dsl/duplicate-id", "值集 " + id + " 重复定义",
          "value set " + id + " is defined twice");
      return;
    }
    try {
      state.valueSets.put(id, new ValueSet(id, system, concepts));
      state.valueSetOffsets.put(id, f.getStartOffset());
    } catch (IllegalArgumentException e) {
      state.problems.error(f.getStartOffset(), "dsl/bad-value-set", "值集不成立：" + e.getMessage(),
          "invalid value set: " + e.getMessage());
    }
  }

  private void namedTable(ContainerBlock c) {
    List<Attributes.Attr> attrs = Attributes.lex(rest(c), state.problems, "dsl/bad-container");
    if (attrs == null) {
      return;
    }
    if (attrs.size() != 1 || !attrs.get(0).name().equals("#")) {
      state.problems.error(c.getStartOffset(), "dsl/bad-container", "命名表格写作 ::: table #id",
          "a named table is written ::: table #id");
      return;
    }
    String id = attrs.get(0).value();
    TableBlock table = null;
    TableAttributesBlock tableAttrs = null;
    for (Node n = c.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof TableBlock t && table == null) {
        table = t;
      } else if (n instanceof TableAttributesBlock a && table != null && tableAttrs == null) {
        tableAttrs = a;
      } else if (!(n instanceof ContainerBlockParser.FenceBlock) && !(n instanceof BlankLine)) {
        state.problems.error(n.getStartOffset(), "dsl/named-table-content",
            "命名表格中只能有一个表格(及其属性行)", "a named table holds one table (and its attribute line) only");
        return;
      }
    }
    if (table == null) {
      state.problems.error(c.getStartOffset(), "dsl/named-table-content", "命名表格 " + id + " 中没有表格",
          "named table " + id + " has no table");
      return;
    }
    if (state.namedTables.containsKey(id)) {
      state.problems.error(c.getStartOffset(), "dsl/duplicate-id", "命名表格 " + id + " 重复定义",
          "named table " + id + " is defined twice");
      return;
    }
    state.namedTables.put(id, new BuildState.NamedTable(id, attrs.get(0).nameOffset(), table,
        tableAttrs));
  }

  // ------------------------------------------------------------------ blocks

  private List<Block> block(Node n) {
    if (n instanceof com.vladsch.flexmark.ast.Paragraph p) {
      strayFences(p);
      return InlineReader.read(state, tables, p, null);
    } else if (n instanceof TableBlock t) {
      TableAttributesBlock attrs = n.getNext() instanceof TableAttributesBlock a ? a : null;
      Table table = tables.read(t, attrs, null, -1);
      return table == null ? List.of() : List.of(table);
    } else if (n instanceof TableAttributesBlock) {
      if (!(n.getPrevious() instanceof TableBlock)) {
        state.problems.error(n.getStartOffset(), "dsl/table-attributes",
            "表格属性行 {: ...} 必须紧跟在表格下面", "a table attribute line {: ...} must directly follow a table");
      }
      return List.of();
    } else if (n instanceof ContainerBlock c) {
      return container(c);
    } else if (n instanceof FencedCodeBlock f) {
      if (!f.getInfo().toString().strip().startsWith("valueset")) {
        state.problems.error(n.getStartOffset(), "dsl/unsupported-markdown",
            "模板中不支持代码块(值集请用 ```valueset ID)", "code blocks are not part of templates "
                + "(value sets are ```valueset ID)");
      }
      return List.of();
    } else if (n instanceof BulletList || n instanceof OrderedList) {
      return list(n, "");
    } else if (n instanceof Heading) {
      state.problems.error(n.getStartOffset(), "dsl/heading-in-container",
          "容器(:::)中不能有标题；章节只能在容器外", "headings cannot stand inside a ::: container");
      return List.of();
    } else if (n instanceof BlockQuote) {
      state.problems.warning(n.getStartOffset(), "dsl/unsupported-markdown",
          "引用块 > 按普通内容处理", "block quote > is read as plain content");
      List<Block> out = new ArrayList<>();
      for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
        out.addAll(block(c));
      }
      return out;
    } else if (n instanceof ThematicBreak || n instanceof Reference) {
      state.problems.warning(n.getStartOffset(), "dsl/unsupported-markdown", "分隔线或链接定义被忽略",
          "thematic break or link definition ignored");
      return List.of();
    } else if (n instanceof HtmlBlock || n instanceof HtmlCommentBlock
        || n instanceof IndentedCodeBlock) {
      state.problems.error(n.getStartOffset(), "dsl/unsupported-markdown",
          "模板中不支持 HTML 块或缩进代码块", "HTML blocks and indented code are not part of templates");
      return List.of();
    } else if (n instanceof BlankLine || n instanceof ContainerBlockParser.FenceBlock) {
      return List.of();
    }
    state.problems.error(n.getStartOffset(), "dsl/unsupported-markdown", "不支持的内容 "
        + n.getNodeName(), "unsupported content " + n.getNodeName());
    return List.of();
  }

  /** List items become paragraphs starting with their marker (• or N.). */
  private List<Block> list(Node listNode, String indent) {
    List<Block> out = new ArrayList<>();
    int number = listNode instanceof OrderedList o ? o.getStartNumber() : 0;
    for (Node item = listNode.getFirstChild(); item != null; item = item.getNext()) {
      if (!(item instanceof ListItem)) {
        continue;
      }
      String marker = indent + (listNode instanceof OrderedList ? (number++) + ". " : "• ");
      boolean firstParagraph = true;
      for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
        if (c instanceof com.vladsch.flexmark.ast.Paragraph p) {
          out.addAll(InlineReader.read(state, tables, p, firstParagraph ? marker : indent + "  "));
          firstParagraph = false;
        } else if (c instanceof BulletList || c instanceof OrderedList) {
          out.addAll(list(c, indent + "  "));
        } else {
          out.addAll(block(c));
        }
      }
    }
    return out;
  }

  private void strayFences(com.vladsch.flexmark.ast.Paragraph p) {
    int offset = p.getStartOffset();
    for (String line : p.getChars().toString().split("\n", -1)) {
      String t = line.strip();
      if (ContainerBlockParser.OPENER.matcher(t).matches()) {
        state.problems.error(offset, "dsl/container-nesting", state.containerDepth > 0
            ? "容器嵌套时，外层容器的冒号须多于内层(如 :::: 包 :::)，且最多嵌套 " + ContainerBlockParser.MAX_DEPTH + " 层"
            : "容器嵌套过深(最多 " + ContainerBlockParser.MAX_DEPTH + " 层)",
            state.containerDepth > 0 ? "a container inside another needs fewer colons than the "
                + "outer one (:::: around :::), and containers nest at most "
                + ContainerBlockParser.MAX_DEPTH + " deep"
                : "containers nested too deep (at most " + ContainerBlockParser.MAX_DEPTH + ")");
      } else if (ContainerBlockParser.CLOSER.matcher(t).matches()) {
        state.problems.error(offset, "dsl/stray-fence", "多余的结束行 " + t + "(没有对应的容器)",
            "closing " + t + " without an open container");
      }
      offset += line.length() + 1;
    }
  }

  // ------------------------------------------------------------------ containers

  private static String kind(ContainerBlock c) {
    String info = c.info.toString();
    int space = info.indexOf(' ');
    return space < 0 ? info : info.substring(0, space);
  }

  private static BasedSequence rest(ContainerBlock c) {
    String kind = kind(c);
    return c.info.subSequence(kind.length()).trim();
  }

  private static boolean isPageArea(ContainerBlock c) {
    String k = kind(c);
    return k.equals("page-header") || k.equals("page-footer");
  }

  private boolean checkClosed(ContainerBlock c) {
    if (!c.closed) {
      state.problems.error(c.getStartOffset(), "dsl/unclosed-container", "容器 " + c.info
          + " 没有结束行(" + ":".repeat(c.colons) + ")", "container " + c.info
          + " is not closed (" + ":".repeat(c.colons) + ")");
      return false;
    }
    if (c.getParent() instanceof ContainerBlock parent && parent.closerOffset == c.closerOffset) {
      state.problems.error(c.getStartOffset(), "dsl/unclosed-container", "容器 " + c.info
          + " 没有自己的结束行，被外层容器的结束行一并关闭", "container " + c.info
          + " has no closing line of its own; the outer container's closing line ended it");
      return false;
    }
    return true;
  }

  private List<Block> children(ContainerBlock c) {
    state.containerDepth++;
    List<Block> out = new ArrayList<>();
    for (Node n = c.getFirstChild(); n != null; n = n.getNext()) {
      out.addAll(block(n));
    }
    state.containerDepth--;
    return out;
  }

  private List<Block> container(ContainerBlock c) {
    boolean closed = checkClosed(c);
    String kind = kind(c);
    switch (kind) {
      case "table":
        return List.of(); // collected in the first pass, placed by {{> id}}
      case "repeat":
        return closed ? repeat(c) : List.of();
      case "if":
        return closed ? conditional(c) : List.of();
      case "page-header":
      case "page-footer":
        state.problems.error(c.getStartOffset(), "dsl/bad-container",
            "page-header / page-footer 只能写在最外层", "page-header and page-footer belong at the top level");
        return List.of();
      default:
        state.problems.error(c.getStartOffset(), "dsl/unknown-container", "未知的容器类型 \"" + kind
            + "\"(可用 repeat, if, table, page-header, page-footer)", "unknown container kind \""
            + kind + "\" (expected repeat, if, table, page-header, page-footer)");
        return List.of();
    }
  }

  private List<Block> repeat(ContainerBlock c) {
    Heads.RepeatHead head = Heads.repeat(rest(c), c.getStartOffset(), state.problems);
    if (head == null) {
      return List.of();
    }
    String id = head.id();
    int idOffset = head.idOffset();
    String label = head.label();
    int min = head.min();
    Integer max = head.max();
    if (!state.declare(id, idOffset)) {
      return List.of();
    }
    state.pushScope();
    List<Block> children = children(c);
    state.popScope();
    try {
      return List.of(state.at(new RepeatGroup(id, label, min, max, children), c.getStartOffset()));
    } catch (IllegalArgumentException e) {
      state.problems.error(c.getStartOffset(), "dsl/bad-container", "repeat 容器不成立：" + e.getMessage(),
          "invalid repeat container: " + e.getMessage());
      return List.of();
    }
  }

  private List<Block> conditional(ContainerBlock c) {
    BasedSequence expr = rest(c);
    if (!expression(expr)) {
      return List.of();
    }
    List<Block> children = children(c);
    if (children.isEmpty()) {
      state.problems.error(c.getStartOffset(), "dsl/bad-container", "if 容器中没有内容",
          "the if container is empty");
      return List.of();
    }
    return List.of(state.at(new Conditional(new Expression(expr.toString()), children),
        c.getStartOffset()));
  }

  private boolean expression(BasedSequence expr) {
    return Heads.expression(expr.toString(), expr.getStartOffset(), state.problems,
        state.expressions);
  }

  private void pageArea(ContainerBlock c) {
    boolean header = kind(c).equals("page-header");
    if (!checkClosed(c)) {
      return;
    }
    if ((header ? pageHeader : pageFooter) != null) {
      state.problems.error(c.getStartOffset(), "dsl/duplicate-id", kind(c) + " 重复",
          kind(c) + " is given twice");
      return;
    }
    state.inPageArea = true;
    List<Block> blocks = children(c);
    state.inPageArea = false;
    if (header) {
      pageHeader = blocks;
    } else {
      pageFooter = blocks;
    }
  }

  // ------------------------------------------------------------------ sections

  private void heading(Heading h) {
    int level = h.getLevel();
    BasedSequence text = h.getText();
    int brace = attributeStart(text);
    BasedSequence titleRaw = (brace < 0 ? text : text.subSequence(0, brace)).trim();
    String title = titleRaw.unescape();
    if (titleRaw.indexOf("{{") >= 0) {
      state.problems.error(titleRaw.getStartOffset() + titleRaw.indexOf("{{"), "dsl/field-in-heading",
          "标题中不能放字段", "fields cannot stand in a heading");
      return;
    }
    if (title.isBlank()) {
      state.problems.error(h.getStartOffset(), "dsl/heading-level", "标题没有文字",
          "the heading has no text");
      return;
    }
    if (level == 1) {
      if (heading != null || !topBlocks.isEmpty() || !topSections.isEmpty()) {
        state.problems.error(h.getStartOffset(), "dsl/heading-level",
            "# 文档标题只能有一个，且在正文之前", "the # document title comes once, before the content");
      } else if (brace >= 0) {
        state.problems.error(text.getStartOffset() + brace, "dsl/heading-attributes",
            "# 文档标题不带属性", "the # document title takes no attributes");
      } else {
        heading = title;
      }
      return;
    }
    while (!open.isEmpty() && open.peek().level >= level) {
      open.pop();
    }
    SectionDraft draft = new SectionDraft(level, h.getStartOffset(), title);
    if (open.isEmpty() && level > 2) {
      state.problems.error(h.getStartOffset(), "dsl/heading-level", "#".repeat(level)
          + " 前面没有上一级标题(章节从 ## 开始)", "#".repeat(level)
          + " has no enclosing heading (sections start at ##)");
    } else if (!open.isEmpty() && open.peek().level < level - 1) {
      state.problems.error(h.getStartOffset(), "dsl/heading-level", "标题级别跳级(" + "#".repeat(
          open.peek().level) + " 之后是 " + "#".repeat(level) + ")", "heading level skips from "
          + "#".repeat(open.peek().level) + " to " + "#".repeat(level));
    }
    if (brace >= 0 && !sectionAttributes(draft, text.subSequence(brace + 1, text.length() - 1))) {
      return;
    }
    if (draft.id == null) {
      draft.id = SectionBuilder.deriveId(title);
      draft.derived = true;
      int n = 2;
      while (state.sectionIds.containsKey(draft.id)) {
        draft.id = SectionBuilder.deriveId(title) + "-" + n++;
      }
    }
    Integer first = state.sectionIds.putIfAbsent(draft.id, draft.offset);
    if (first != null) {
      state.problems.error(h.getStartOffset(), "dsl/duplicate-id", "章节 id " + draft.id + " 重复(首次在第"
          + state.source.line(first) + "行)", "section id " + draft.id + " is used twice (first at line "
          + state.source.line(first) + ")");
    }
    (open.isEmpty() ? topSections : open.peek().subs).add(draft);
    open.push(draft);
  }

  /** Index of the {@code {} that starts heading attributes at the end of the text, or -1. */
  private static int attributeStart(BasedSequence text) {
    String s = text.toString().stripTrailing();
    if (!s.endsWith("}") || s.endsWith("}}")) {
      return -1;
    }
    int i = s.lastIndexOf('{');
    if (i < 0 || (i > 0 && s.charAt(i - 1) == '{') || (i > 0 && s.charAt(i - 1) == '\\')) {
      return -1;
    }
    return i;
  }

  private boolean sectionAttributes(SectionDraft d, BasedSequence text) {
    Heads.SectionHead h = new Heads.SectionHead();
    if (!Heads.section(text, h, state.problems, state.expressions)) {
      return false;
    }
    d.id = h.id;
    d.required = h.required;
    d.de = h.de;
    d.code = h.code;
    d.when = h.when;
    return true;
  }

  private Section section(SectionDraft d) {
    List<Block> children = new ArrayList<>(d.blocks);
    for (SectionDraft s : d.subs) {
      Section built = section(s);
      if (built == null) {
        return null;
      }
      children.add(built);
    }
    try {
      return state.at(new Section(d.id, d.title, d.required, d.de, d.code, d.when, children),
          d.offset);
    } catch (IllegalArgumentException e) {
      state.problems.error(d.offset, "dsl/invalid-section", "章节不成立：" + e.getMessage(),
          "invalid section: " + e.getMessage());
      return null;
    }
  }

  // ------------------------------------------------------------------ assembly

  private Template assemble(FrontMatter fm) {
    Map<String, FrontMatter.Entry> e = fm.entries;
    String id = required(fm, "id");
    String version = required(fm, "version");
    String title = required(fm, "title");
    if (id != null && !ID.matcher(id).matches()) {
      frontMatterValue(e.get("id"), "id 应为小写字母、数字和 -", "id is lower-case letters, digits and -");
    }
    if (version != null && !SEMVER.matcher(version).matches()) {
      frontMatterValue(e.get("version"), "version 应为语义化版本，如 1.0.0", "version is a semantic version like 1.0.0");
    }
    String documentType = text(e, "documentType");
    if (documentType != null && !ID.matcher(documentType).matches()) {
      frontMatterValue(e.get("documentType"), "documentType 应为小写字母、数字和 -",
          "documentType is lower-case letters, digits and -");
    }
    PageSetup page = page(e);
    Map<String, String> metadata = new TreeMap<>();
    for (Map.Entry<String, FrontMatter.Entry> m : e.entrySet()) {
      if (!List.of("id", "version", "title", "documentType", "department", "locale", "paper",
          "orientation", "margins").contains(m.getKey())) {
        metadata.put(m.getKey(), m.getValue().value());
      }
    }
    List<Section> sections = new ArrayList<>();
    for (SectionDraft d : topSections) {
      Section s = section(d);
      if (s == null) {
        return null;
      }
      sections.add(s);
    }
    if (state.problems.hasErrors()) {
      return null;
    }
    List<Block> blocks = new ArrayList<>(topBlocks);
    blocks.addAll(sections);
    try {
      return new Template(id, version, title, heading, documentType, text(e, "department"),
          text(e, "locale"), page, metadata, new ArrayList<>(state.valueSets.values()), pageHeader,
          pageFooter, blocks);
    } catch (TemplateException ex) {
      state.problems.error(Locator.offset(ex.location(), pageHeader, pageFooter, blocks,
          state.positions), "dsl/invalid-template", "模板不成立：" + ex.getMessage(),
          "invalid template: " + ex.getMessage());
      return null;
    } catch (IllegalArgumentException ex) {
      state.problems.error(fm.offset, "dsl/front-matter-invalid", "前置信息不成立：" + ex.getMessage(),
          "invalid front matter: " + ex.getMessage());
      return null;
    }
  }

  private String required(FrontMatter fm, String key) {
    FrontMatter.Entry v = fm.entries.get(key);
    if (v == null || v.value().isEmpty()) {
      state.problems.error(fm.offset, "dsl/front-matter-missing", "前置信息缺少 " + key,
          "front matter has no " + key);
      return null;
    }
    return v.value();
  }

  private static String text(Map<String, FrontMatter.Entry> e, String key) {
    FrontMatter.Entry v = e.get(key);
    return v == null || v.value().isEmpty() ? null : v.value();
  }

  private void frontMatterValue(FrontMatter.Entry e, String zh, String en) {
    state.problems.error(e.offset(), "dsl/front-matter-invalid", zh, en);
  }

  private PageSetup page(Map<String, FrontMatter.Entry> e) {
    Paper paper = Paper.A4;
    Orientation orientation = Orientation.PORTRAIT;
    try {
      if (e.containsKey("paper")) {
        paper = Paper.fromLabel(e.get("paper").value());
      }
    } catch (IllegalArgumentException ex) {
      frontMatterValue(e.get("paper"), "paper 应为 A4、A5、B5、16K 或 LETTER", "paper is A4, A5, B5, 16K or LETTER");
    }
    try {
      if (e.containsKey("orientation")) {
        orientation = Orientation.fromLabel(e.get("orientation").value());
      }
    } catch (IllegalArgumentException ex) {
      frontMatterValue(e.get("orientation"), "orientation 应为 portrait 或 landscape",
          "orientation is portrait or landscape");
    }
    double[] m = {PageSetup.DEFAULT.marginTopMm(), PageSetup.DEFAULT.marginRightMm(),
        PageSetup.DEFAULT.marginBottomMm(), PageSetup.DEFAULT.marginLeftMm()};
    FrontMatter.Entry margins = e.get("margins");
    if (margins != null) {
      String[] parts = margins.value().split("\\s+");
      if (parts.length != 4 || !margins.value().matches("[0-9. ]+")) {
        frontMatterValue(margins, "margins 应为 上 右 下 左 四个毫米数，如 20 20 20 25",
            "margins are four millimetre numbers: top right bottom left, like 20 20 20 25");
      } else {
        for (int i = 0; i < 4; i++) {
          m[i] = Double.parseDouble(parts[i]);
        }
      }
    }
    try {
      return new PageSetup(paper, orientation, m[0], m[1], m[2], m[3]);
    } catch (IllegalArgumentException ex) {
      frontMatterValue(margins != null ? margins : e.get("paper"), "页边距不成立：" + ex.getMessage(),
          "invalid margins: " + ex.getMessage());
      return PageSetup.DEFAULT;
    }
  }
}

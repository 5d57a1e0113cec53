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
import org.emrkit.template.Block;
import org.emrkit.template.Expression;
import org.emrkit.template.Section;
import org.emrkit.template.SectionBuilder;
import org.emrkit.template.Table;
import org.emrkit.template.Template;

/**
 * Builds the model from the Flexmark AST of one EMR Markdown file. First pass: value sets and
 * named tables (they may be used before they are defined). Second pass: front matter, then the
 * blocks in order, {@code ##}-headings opening sections. Every problem becomes a diagnostic; a
 * template is made only if there was no error.
 */
public final class ModelBuilder {

  /** The outcome: a template (null if there were errors) and the diagnostics. */
  public record Result(Template template, List<org.emrkit.dsl.Diagnostic> diagnostics) {}

  private final BuildState state;
  private final TableReader tables;
  private final Containers containers;
  private final Sections sections;
  private List<Block> pageHeader;
  private List<Block> pageFooter;

  private ModelBuilder(BuildState state) {
    this.state = state;
    this.tables = new TableReader(state);
    this.containers = new Containers(state, this::block);
    this.sections = new Sections(state);
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
    new Definitions(state).collect(doc);
    for (Node n = doc.getFirstChild(); n != null && !state.problems.isFull(); n = n.getNext()) {
      if (n instanceof Heading h) {
        sections.heading(h);
      } else if (n instanceof ContainerBlock c && Containers.isPageArea(c)) {
        pageArea(c);
      } else if (n instanceof com.vladsch.flexmark.ast.Paragraph p
          && (sections.close(p) || runIn(p))) {
        continue;
      } else if (!(n instanceof YamlFrontMatterBlock)) {
        sections.add(block(n));
      }
    }
    for (BuildState.NamedTable t : state.namedTables.values()) {
      if (t.state == 0) {
        state.problems.warning(t.offset, "dsl/unused-table", "命名表格 " + t.id + " 未被使用",
            "named table " + t.id + " is not used");
      }
    }
    unknownNames();
    CalcTypes.check(state, state.calcs, state.fieldsByName);
    CalcChains.check(state, state.calcs);
    for (String id : state.valueSets.keySet()) {
      if (!state.usedValueSets.contains(id)) {
        state.problems.warning(state.valueSetOffsets.get(id), "dsl/unused-value-set",
            "值集 " + id + " 未被使用", "value set " + id + " is not used");
      }
    }
    if (fm == null || state.problems.hasErrors()) {
      return null;
    }
    List<Block> blocks = sections.build();
    return blocks == null ? null
        : new Assembly(state).assemble(fm, sections.documentTitle(), pageHeader, pageFooter, blocks);
  }

  // ------------------------------------------------------------------ blocks

  private List<Block> block(Node n) {
    if (n instanceof com.vladsch.flexmark.ast.Paragraph p) {
      Sections.refuseHere(state, p.getChars().toString(), p.getStartOffset());
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
      return containers.container(c);
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
          Sections.refuseHere(state, p.getChars().toString(), p.getStartOffset());
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

  /** A GFM delimiter row: | --- | :---: | (at least one |, dashes in each cell). */
  private static final java.util.regex.Pattern DELIMITER_ROW = java.util.regex.Pattern.compile(
      "\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?");

  /** A delimiter row written with an input method's full-width ： or ｜. */
  private static final java.util.regex.Pattern FULL_WIDTH_DELIMITER = java.util.regex.Pattern
      .compile("[|｜]?\\s*[:：]?-{3,}[:：]?\\s*([|｜]\\s*[:：]?-{3,}[:：]?\\s*)*[|｜]?");

  /** A run-in heading's paragraph; a table right under it is named as under any paragraph. */
  private boolean runIn(com.vladsch.flexmark.ast.Paragraph p) {
    if (!sections.runIn(p, tables)) {
      return false;
    }
    strayFences(p);
    return true;
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
      } else if (DELIMITER_ROW.matcher(t).matches() && offset > p.getStartOffset()) {
        // a table written right under a paragraph line is read as the paragraph's text
        state.problems.error(offset, "dsl/table-needs-blank-line", "表格上方应空一行：紧接在段落下的"
            + "表格会被当作段落文字", "leave a blank line above the table: written right under a "
            + "paragraph line it is read as that paragraph's text");
      } else if (FULL_WIDTH_DELIMITER.matcher(t).matches() && (t.contains("：")
          || t.contains("｜"))) {
        state.problems.error(offset + Math.max(0, line.indexOf(t.contains("：") ? '：' : '｜')),
            "dsl/table-shape", "表格分隔行中有全角字符(：或｜)，应为半角 : 和 |(如 |---|:---:|)",
            "the delimiter row holds a full-width ： or ｜; write half-width : and | (|---|:---:|)");
      }
      offset += line.length() + 1;
    }
  }

  private void pageArea(ContainerBlock c) {
    boolean header = Containers.kind(c).equals("page-header");
    if (!containers.checkClosed(c)) {
      return;
    }
    if ((header ? pageHeader : pageFooter) != null) {
      state.problems.error(c.getStartOffset(), "dsl/duplicate-id", Containers.kind(c) + " 重复",
          Containers.kind(c) + " is given twice");
      return;
    }
    state.inPageArea = true;
    List<Block> blocks = containers.children(c);
    state.inPageArea = false;
    if (header) {
      pageHeader = blocks;
    } else {
      pageFooter = blocks;
    }
  }

  // ------------------------------------------------------------------ sections

  /**
   * A name an expression reads that no field, group or repeating table of the template has
   * ({@code when="sexx == '2'"} would hide its content for ever): an error, with the nearest name.
   */
  private void unknownNames() {
    for (org.emrkit.expr.ExpressionEngine.Name n : state.problems.names) {
      if (!state.declared.contains(n.name())) {
        String near = Suggest.closest(n.name(), List.copyOf(state.declared));
        state.problems.error(n.offset(), "dsl/unknown-name", "表达式中的名称 " + n.name()
            + " 不是本模板的字段" + (near == null ? "" : "，是否应为 " + near + "？"), "no field "
            + "of this template is named " + n.name() + (near == null ? "" : "; did you mean "
            + near + "?"));
      }
    }
  }
}

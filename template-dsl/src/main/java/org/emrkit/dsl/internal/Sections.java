package org.emrkit.dsl.internal;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emrkit.template.Block;
import org.emrkit.template.Section;
import org.emrkit.template.SectionBuilder;

/**
 * The section tree of one file as its blocks arrive in order: {@code ##} headings open sections
 * (closing those of their level and below), {@code {/}} closes the innermost open section and
 * {@code {/#id}} the section {@code id} and those inside it, so that what follows belongs to the
 * enclosing one; a bold label with attributes at the start of a paragraph
 * ({@code **主诉：**{#cc required}}) makes that paragraph a run-in section. Content and sections
 * keep their order.
 */
final class Sections {

  /** A {@code {/}} or {@code {/#id}} line. */
  static final Pattern CLOSE =
      Pattern.compile("\\{/[ \\t]*(?:#([A-Za-z0-9][A-Za-z0-9_-]{0,99}))?[ \\t]*}");
  /** A bold label at the start of a paragraph followed by {@code {attributes}}. */
  private static final Pattern RUN_IN = Pattern.compile("\\*\\*(?:[^*\\\\\\n]|\\\\.)+\\*\\*[ \\t]*\\{(?!\\{)");

  private static final class Draft {
    final int level;
    final int offset;
    final String title;
    final boolean runIn;
    String id;
    /** The attributes in braces (all unset without them). */
    Heads.SectionHead head = new Heads.SectionHead();
    /** Blocks and drafts of subsections, in order. */
    final List<Object> items = new ArrayList<>();

    Draft(int level, int offset, String title, boolean runIn) {
      this.level = level;
      this.offset = offset;
      this.title = title;
      this.runIn = runIn;
    }
  }

  private final BuildState state;
  private final List<Object> top = new ArrayList<>();
  private final Deque<Draft> open = new ArrayDeque<>();
  private String documentTitle;

  Sections(BuildState state) {
    this.state = state;
  }

  /** The {@code #} document title, or null. */
  String documentTitle() {
    return documentTitle;
  }

  /** Adds content to the innermost open section (or the top level). */
  void add(List<Block> blocks) {
    (open.isEmpty() ? top : open.peek().items).addAll(blocks);
  }

  /** Whether the paragraph looks like a section mark ({@code {/}} or a run-in heading). */
  static boolean looksLikeSectionMark(Paragraph p) {
    return looksLikeSectionMark(p.getChars().toString());
  }

  /** Whether text (a paragraph's, a cell's) looks like {@code {/}} or a run-in heading. */
  static boolean looksLikeSectionMark(String text) {
    return CLOSE.matcher(text.strip()).matches() || RUN_IN.matcher(text.strip()).lookingAt();
  }

  /**
   * Reports a run-in heading or {@code {/}} where sections cannot be (a table cell, a list
   * item, a container), which would otherwise print as text.
   */
  static void refuseHere(BuildState state, String text, int offset) {
    if (looksLikeSectionMark(text)) {
      state.problems.error(offset, "dsl/heading-in-container", "表格单元格、列表和容器(:::)中不能有"
          + "行内标题或 {/}；章节只能在它们之外", "a run-in heading or {/} cannot stand in a table "
          + "cell, a list or a ::: container");
    }
  }

  /** Reads a paragraph that closes sections; false if it is no {@code {/}} line. */
  boolean close(Paragraph p) {
    String line = p.getChars().toString().strip();
    Matcher m = CLOSE.matcher(line);
    if (!m.matches()) {
      return false;
    }
    String id = m.group(1);
    if (open.isEmpty()) {
      state.problems.error(p.getStartOffset() + (id == null ? 0 : 2), "dsl/section-not-open",
          (id == null ? "{/}" : "章节 " + id) + " 无法结束：没有打开的章节", (id == null ? "{/}"
          : "section " + id) + " closes nothing: no section is open");
      return true;
    }
    if (id == null) {
      open.pop();
      return true;
    }
    for (Draft d : open) {
      if (d.id.equals(id)) {
        while (open.pop() != d) {
          // closes the sections inside it too
        }
        return true;
      }
    }
    List<String> ids = new ArrayList<>();
    open.forEach(d -> ids.add(d.id));
    String near = Suggest.closest(id, ids);
    state.problems.error(p.getStartOffset() + 2, "dsl/section-not-open", "章节 " + id
        + " 没有打开，无法结束(打开的章节：" + String.join("、", ids) + ")" + (near == null ? ""
        : "，是否应为 " + near + "？"), "section " + id + " is not open (open: "
        + String.join(", ", ids) + ")" + (near == null ? "" : "; did you mean " + near + "?"));
    return true;
  }

  /**
   * Reads a paragraph that starts with a run-in heading; false if it does not. The section holds
   * the paragraph without its label and attributes (and a colon right after them).
   */
  boolean runIn(Paragraph p, InlineReader.TablePlacer tables) {
    BasedSequence chars = p.getChars();
    if (!RUN_IN.matcher(chars).lookingAt() || !(p.getFirstChild() instanceof StrongEmphasis b)) {
      return false;
    }
    int brace = b.getEndOffset() - p.getStartOffset();
    while (chars.charAt(brace) != '{') {
      brace++; // spaces between the label and its attributes
    }
    int close = closingBrace(chars, brace);
    if (close < 0) {
      state.problems.error(p.getStartOffset() + brace, "dsl/heading-attributes",
          "标签后的属性缺少 }", "the attributes after the label have no closing }");
      return true;
    }
    String title = b.getText().unescape().strip().replaceAll("[：:]+$", "").strip();
    Draft d = new Draft((open.isEmpty() ? 1 : open.peek().level) + 1, p.getStartOffset(),
        title.isEmpty() ? "?" : title, true);
    if (title.isEmpty()) {
      state.problems.error(p.getStartOffset(), "dsl/heading-level", "标签没有文字",
          "the label has no text");
      return true;
    }
    if (!attributes(d, chars.subSequence(brace + 1, close))) {
      return true;
    }
    int from = close + 1;
    while (from < chars.length() && " \t：:".indexOf(chars.charAt(from)) >= 0) {
      from++;
    }
    List<Block> content = InlineReader.readFrom(state, tables, p, p.getStartOffset() + from);
    if (content.size() != 1 || !(content.get(0) instanceof org.emrkit.template.Paragraph)) {
      state.problems.error(p.getStartOffset(), "dsl/run-in-content", "行内标题后应有同一段的文字或字段"
          + "(不能空着，也不能放表格)", "a run-in heading is followed by text or fields of its "
          + "paragraph (not nothing, not a table)");
      return true;
    }
    d.items.addAll(content);
    register(d);
    (open.isEmpty() ? top : open.peek().items).add(d);
    return true;
  }

  /** The index of the brace closing the one at {@code open}, skipping quoted values; or -1. */
  private static int closingBrace(CharSequence s, int open) {
    boolean quoted = false;
    for (int i = open + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        return -1;
      } else if (quoted && c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == '}' && !quoted) {
        return i;
      }
    }
    return -1;
  }

  /** Reads a {@code ##} (or deeper) heading, or the {@code #} document title. */
  void heading(Heading h) {
    int level = h.getLevel();
    BasedSequence text = h.getText();
    int brace = FragmentParser.attributeStart(text.toString());
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
      documentTitle(h, title, brace >= 0 ? text.getStartOffset() + brace : -1);
      return;
    }
    while (!open.isEmpty() && open.peek().level >= level) {
      open.pop();
    }
    Draft draft = new Draft(level, h.getStartOffset(), title, false);
    if (open.isEmpty() && level > 2) {
      state.problems.error(h.getStartOffset(), "dsl/heading-level", "#".repeat(level)
          + " 前面没有上一级标题(章节从 ## 开始)", "#".repeat(level)
          + " has no enclosing heading (sections start at ##)");
    } else if (!open.isEmpty() && open.peek().level < level - 1) {
      state.problems.error(h.getStartOffset(), "dsl/heading-level", "标题级别跳级(" + "#".repeat(
          open.peek().level) + " 之后是 " + "#".repeat(level) + ")", "heading level skips from "
          + "#".repeat(open.peek().level) + " to " + "#".repeat(level));
    }
    if (brace >= 0 && !attributes(draft, text.subSequence(brace + 1, text.length() - 1))) {
      return;
    }
    register(draft);
    (open.isEmpty() ? top : open.peek().items).add(draft);
    open.push(draft);
  }

  /** Gives the draft its id (derived from the title if none was given) and checks it is new. */
  private void register(Draft draft) {
    if (draft.id == null) {
      draft.id = SectionBuilder.deriveId(draft.title);
      int n = 2;
      while (state.sectionIds.containsKey(draft.id)) {
        draft.id = SectionBuilder.deriveId(draft.title) + "-" + n++;
      }
    }
    Integer first = state.sectionIds.putIfAbsent(draft.id, draft.offset);
    if (first != null) {
      state.problems.error(draft.offset, "dsl/duplicate-id", "章节 id " + draft.id + " 重复(首次在第"
          + state.source.line(first) + "行)", "section id " + draft.id + " is used twice (first at line "
          + state.source.line(first) + ")");
    }
  }

  /** The {@code #} document title: once, before the content, without attributes. */
  private void documentTitle(Heading h, String title, int attributesAt) {
    if (documentTitle != null || !top.isEmpty()) {
      state.problems.error(h.getStartOffset(), "dsl/heading-level",
          "# 文档标题只能有一个，且在正文之前", "the # document title comes once, before the content");
    } else if (attributesAt >= 0) {
      state.problems.error(attributesAt, "dsl/heading-attributes",
          "# 文档标题不带属性", "the # document title takes no attributes");
    } else {
      documentTitle = title;
    }
  }

  private boolean attributes(Draft d, BasedSequence text) {
    Heads.SectionHead h = new Heads.SectionHead();
    if (!Heads.section(text, h, state.problems, state.expressions)) {
      return false;
    }
    d.head = h;
    d.id = h.id;
    if (h.newPage && d.runIn) {
      state.problems.error(d.offset, "dsl/heading-attributes", "行内标题不能另起一页(newPage)",
          "a run-in heading cannot start a new page (newPage)");
      return false;
    }
    return true;
  }

  /** The top-level blocks with the sections built; null after a problem. */
  List<Block> build() {
    return blocks(top);
  }

  private List<Block> blocks(List<Object> items) {
    List<Block> out = new ArrayList<>(items.size());
    for (Object o : items) {
      if (o instanceof Draft d) {
        Section s = section(d);
        if (s == null) {
          return null;
        }
        out.add(s);
      } else {
        out.add((Block) o);
      }
    }
    return out;
  }

  private Section section(Draft d) {
    List<Block> children = blocks(d.items);
    if (children == null) {
      return null;
    }
    try {
      Heads.SectionHead h = d.head;
      return state.at(new Section(d.id, d.title, h.required, h.de, h.code, h.when, children,
          d.runIn, h.newPage), d.offset);
    } catch (IllegalArgumentException e) {
      state.problems.error(d.offset, "dsl/invalid-section", "章节不成立：" + e.getMessage(),
          "invalid section: " + e.getMessage());
      return null;
    }
  }
}

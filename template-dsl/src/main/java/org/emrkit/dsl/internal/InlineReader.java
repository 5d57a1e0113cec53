package org.emrkit.dsl.internal;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.gfm.strikethrough.Subscript;
import com.vladsch.flexmark.ext.superscript.Superscript;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.emrkit.template.Block;
import org.emrkit.template.Inline;
import org.emrkit.template.LineBreak;
import org.emrkit.template.Paragraph;
import org.emrkit.template.Table;
import org.emrkit.template.Text;
import org.emrkit.template.TextStyle;

/**
 * Turns the inline content of a paragraph, list item or table cell into model blocks: paragraphs
 * of styled text and fields, split where a {@code {{> id}}} places a named table. Styles come
 * from {@code **} {@code *} {@code ^} {@code ~} or from the tags {@code <b> <strong> <i> <em>
 * <sup> <sub>}; {@code <br>} is a line break, and {@code <p>} (in table cells, which cannot
 * hold blank lines) starts a new paragraph.
 */
final class InlineReader {

  /** Places the named table a {@code {{> id}}} refers to; null after a diagnostic. */
  interface TablePlacer {
    Table place(FieldParser.TableRef ref);
  }

  private final BuildState state;
  private final TablePlacer tables;
  private final List<Block> out = new ArrayList<>();
  private final List<Inline> inlines = new ArrayList<>();
  private final Map<TextStyle, Integer> depth = new EnumMap<>(TextStyle.class);
  private int paragraphOffset = -1;
  private boolean afterSoftBreak;
  /** Source before this offset is not read (a run-in heading's label and attributes). */
  private int from = -1;

  private InlineReader(BuildState state, TablePlacer tables) {
    this.state = state;
    this.tables = tables;
    this.reportedBefore = state.problems.reported();
  }

  /** The problems reported before the paragraph being read. */
  private int reportedBefore;

  /** The blocks made of {@code parent}'s inline children, prefixed by {@code prefix} if given. */
  static List<Block> read(BuildState state, TablePlacer tables, Node parent, String prefix) {
    InlineReader r = new InlineReader(state, tables);
    if (prefix != null) {
      r.text(prefix, parent.getStartOffset());
    }
    r.children(parent);
    r.flush();
    return r.out;
  }

  /**
   * The blocks made of {@code parent}'s inline children from source offset {@code from} on (a
   * text node the offset falls in is read from there).
   */
  static List<Block> readFrom(BuildState state, TablePlacer tables, Node parent, int from) {
    InlineReader r = new InlineReader(state, tables);
    r.from = from;
    r.children(parent);
    r.flush();
    return r.out;
  }

  private void children(Node parent) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n.getEndOffset() <= from) {
        continue;
      }
      if (n.getStartOffset() < from && n instanceof com.vladsch.flexmark.ast.Text) {
        text(n.getChars().subSequence(from - n.getStartOffset()).unescape(), from);
      } else {
        node(n);
      }
    }
  }

  private void node(Node n) {
    if (n instanceof com.vladsch.flexmark.ast.Text || n instanceof HtmlEntity) {
      text(n.getChars().unescape(), n.getStartOffset());
    } else if (n instanceof SoftLineBreak) {
      afterSoftBreak = true;
    } else if (n instanceof HardLineBreak) {
      add(LineBreak.INSTANCE, n.getStartOffset());
    } else if (n instanceof StrongEmphasis) {
      styled(n, TextStyle.BOLD);
    } else if (n instanceof Emphasis) {
      styled(n, TextStyle.ITALIC);
    } else if (n instanceof Superscript) {
      styled(n, TextStyle.SUPERSCRIPT);
    } else if (n instanceof Subscript) {
      styled(n, TextStyle.SUBSCRIPT);
    } else if (n instanceof Strikethrough) {
      state.problems.error(n.getStartOffset(), "dsl/unsupported-markdown",
          "不支持删除线 ~~...~~", "strikethrough ~~...~~ is not supported");
    } else if (n instanceof Code code) {
      state.problems.warning(n.getStartOffset(), "dsl/unsupported-markdown",
          "代码格式 `...` 按普通文字处理", "code span `...` is kept as plain text");
      // a line break inside a code span is a space (CommonMark 6.1); a text run holds none
      text(code.getText().toString().replaceAll("\r\n|\r|\n", " "), n.getStartOffset());
    } else if (n instanceof Image || n instanceof ImageRef) {
      state.problems.error(n.getStartOffset(), "dsl/unsupported-markdown", "模板中不支持图片",
          "images are not supported in templates");
    } else if (n instanceof HtmlInline) {
      html(n);
    } else if (n instanceof FieldNode f) {
      field(f);
    } else if (n instanceof com.vladsch.flexmark.ast.TextBase) {
      children(n);
    } else if (n.hasChildren()) {
      state.problems.warning(n.getStartOffset(), "dsl/unsupported-markdown",
          "不支持的格式(" + n.getNodeName() + ")，只保留其文字", "unsupported markup ("
              + n.getNodeName() + "); only its text is kept");
      children(n);
    } else {
      state.problems.warning(n.getStartOffset(), "dsl/unsupported-markdown",
          "不支持的格式(" + n.getNodeName() + ")，按文字处理", "unsupported markup ("
              + n.getNodeName() + "); kept as text");
      text(n.getChars().toString(), n.getStartOffset());
    }
  }

  private void styled(Node n, TextStyle style) {
    depth.merge(style, 1, Integer::sum);
    children(n);
    depth.merge(style, -1, Integer::sum);
  }

  private void html(Node n) {
    String tag = n.getChars().toString().toLowerCase(Locale.ROOT).replace(" ", "");
    boolean close = tag.startsWith("</");
    String name = tag.replaceAll("[</>]", "");
    TextStyle style = switch (name) {
      case "b", "strong" -> TextStyle.BOLD;
      case "i", "em" -> TextStyle.ITALIC;
      case "sup" -> TextStyle.SUPERSCRIPT;
      case "sub" -> TextStyle.SUBSCRIPT;
      default -> null;
    };
    if (style != null) {
      depth.merge(style, close ? -1 : 1, Integer::sum);
    } else if (name.equals("br") && !close) {
      add(LineBreak.INSTANCE, n.getStartOffset());
    } else if (name.equals("p") && !close) {
      flush();
    } else {
      state.problems.error(n.getStartOffset(), "dsl/unsupported-html", "不支持的 HTML 标签 "
          + n.getChars() + "(只可用 b strong i em sup sub br p)", "unsupported HTML tag "
          + n.getChars() + " (only b, strong, i, em, sup, sub, br and p)");
    }
  }

  private void field(FieldNode f) {
    FieldParser.Parsed p = state.fields.parse(f);
    if (p instanceof FieldParser.FieldRef ref) {
      if (state.declare(ref.field().name(), ref.offset())) {
        add(state.at(ref.field(), ref.offset()), ref.offset());
        state.fieldsByName.putIfAbsent(ref.field().name(), ref.field());
        if (ref.field().type() == org.emrkit.template.FieldType.CALC) {
          state.calcs.add(new CalcTypes.Calc(ref.field(), ref.offset()));
        }
      }
    } else if (p instanceof FieldParser.PageRef page) {
      if (!state.inPageArea) {
        state.problems.error(f.getStartOffset(), "dsl/page-number-outside-page-area",
            "页码只能用在 page-header 或 page-footer 中",
            "page numbers belong in a page-header or page-footer");
      }
      add(page.number(), f.getStartOffset());
    } else if (p instanceof FieldParser.TableRef ref) {
      flush();
      Table t = tables.place(ref);
      if (t != null) {
        out.add(t);
      }
    }
  }

  private void text(CharSequence chars, int offset) {
    String s = chars.toString();
    if (s.isEmpty()) {
      return;
    }
    if (afterSoftBreak) {
      afterSoftBreak = false;
      String before = lastText();
      if (before != null && !joinsWithoutSpace(before, s)) {
        s = " " + s;
      }
    }
    Set<TextStyle> styles = EnumSet.noneOf(TextStyle.class);
    depth.forEach((k, v) -> {
      if (v > 0) {
        styles.add(k);
      }
    });
    if (styles.contains(TextStyle.SUPERSCRIPT) && styles.contains(TextStyle.SUBSCRIPT)) {
      state.problems.error(offset, "dsl/bad-style", "文字不能同时是上标和下标",
          "text cannot be both superscript and subscript");
      styles.remove(TextStyle.SUBSCRIPT);
    }
    add(new Text(s, styles), offset);
  }

  private String lastText() {
    return !inlines.isEmpty() && inlines.get(inlines.size() - 1) instanceof Text t ? t.text() : null;
  }

  /** Chinese text wrapped over lines joins without a space; other text with one. */
  private static boolean joinsWithoutSpace(String before, String after) {
    return isCjk(before.codePointBefore(before.length())) || isCjk(after.codePointAt(0));
  }

  static boolean isCjk(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL
        || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
  }

  private void add(Inline inline, int offset) {
    if (paragraphOffset < 0) {
      paragraphOffset = offset;
    }
    afterSoftBreak = false;
    inlines.add(inline);
  }

  private void flush() {
    // line breaks alone hold nothing to print: left out, said so unless what stood beside them
    // was already named (a field in error; the compiler threw when the paragraph was made of
    // the breaks)
    if (!inlines.isEmpty() && inlines.stream().allMatch(i -> i instanceof LineBreak)) {
      if (state.problems.reported() == reportedBefore) {
        state.problems.warning(paragraphOffset, "dsl/line-breaks-alone",
            "这一段只有换行(<br>)，没有文字或字段，已略去：段落之间的距离由版式决定",
            "a paragraph of line breaks (<br>) alone, with no text or field, was left out: the"
                + " space between paragraphs is the layout's");
      }
    } else if (!inlines.isEmpty()) {
      out.add(state.at(new Paragraph(inlines), paragraphOffset));
    }
    reportedBefore = state.problems.reported();
    inlines.clear();
    paragraphOffset = -1;
  }
}

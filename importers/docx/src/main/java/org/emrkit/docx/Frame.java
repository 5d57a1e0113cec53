package org.emrkit.docx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.emrkit.template.Block;
import org.emrkit.template.Section;

/**
 * Where a Word form's blocks go while it is read: a list, and the sections opened by headings
 * (or section content controls) inside it, closed into sections when a heading of their level
 * or above comes or the frame ends.
 */
final class Frame {
  final List<Block> blocks = new ArrayList<>();
  final Deque<Draft> open = new ArrayDeque<>();
  final boolean sectionsAllowed;

  /** A section being filled: its level, its attributes (a section without content), run-in. */
  static final class Draft {
    final int level;
    final Section prototype;
    final boolean runIn;
    final List<Block> children = new ArrayList<>();

    Draft(int level, Section prototype, boolean runIn) {
      this.level = level;
      this.prototype = prototype;
      this.runIn = runIn;
    }
  }

  Frame(boolean sectionsAllowed) {
    this.sectionsAllowed = sectionsAllowed;
  }

  /** Adds a block to the innermost open section, or to the frame. */
  void add(Block b) {
    if (b == null) {
      return;
    }
    if (open.isEmpty()) {
      blocks.add(b);
    } else {
      open.peek().children.add(b);
    }
  }

  /** Closes every open section; the frame's blocks. */
  List<Block> close(Findings findings, String where) {
    while (!open.isEmpty()) {
      closeTop(findings, where);
    }
    return blocks;
  }

  /** Closes the innermost open section into the one around it (an invalid one is a finding). */
  void closeTop(Findings findings, String where) {
    Draft d = open.pop();
    Section p = d.prototype;
    Section s;
    try {
      s = new Section(p.id(), p.title(), p.required(), p.dataElement(), p.code(), p.when(),
          d.children, d.runIn, p.newPage());
    } catch (IllegalArgumentException ex) {
      findings.error(where, "docx/section", "章节“" + p.title() + "”无效：" + ex.getMessage(),
          "section \"" + p.title() + "\" is invalid: " + ex.getMessage());
      return;
    }
    add(s);
  }
}

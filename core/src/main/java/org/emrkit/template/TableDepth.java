package org.emrkit.template;

import java.util.List;

/** Measures how deep tables nest inside table cells (package-private). */
final class TableDepth implements BlockVisitor<Integer> {

  private static final TableDepth INSTANCE = new TableDepth();

  private TableDepth() {}

  /** Depth of a table with these cells: 1 plus the deepest table nested in them. */
  static int of(List<Cell> cells) {
    int deepest = 0;
    for (Cell c : cells) {
      deepest = Math.max(deepest, INSTANCE.max(c.content()));
    }
    return deepest + 1;
  }

  private int max(List<Block> blocks) {
    int deepest = 0;
    for (Block b : blocks) {
      deepest = Math.max(deepest, b.accept(this));
    }
    return deepest;
  }

  @Override
  public Integer visitSection(Section section) {
    return max(section.children());
  }

  @Override
  public Integer visitParagraph(Paragraph paragraph) {
    return 0;
  }

  @Override
  public Integer visitTable(Table table) {
    return of(table.cells());
  }

  @Override
  public Integer visitRepeatGroup(RepeatGroup group) {
    return max(group.children());
  }

  @Override
  public Integer visitConditional(Conditional conditional) {
    return max(conditional.children());
  }
}

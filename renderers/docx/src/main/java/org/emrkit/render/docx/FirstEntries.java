package org.emrkit.render.docx;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.emrkit.render.BannerItem;
import org.emrkit.render.CellView;
import org.emrkit.render.ConditionalView;
import org.emrkit.render.EntryView;
import org.emrkit.render.GroupView;
import org.emrkit.render.ParagraphView;
import org.emrkit.render.RowView;
import org.emrkit.render.SectionView;
import org.emrkit.render.TableView;
import org.emrkit.render.WalkTarget;

/**
 * Passes a form walk on with one entry per group: the record's first, or the empty template
 * entry when it has none. A Word form shows each repeat group and repeating table once.
 */
final class FirstEntries implements WalkTarget {

  private final WalkTarget target;
  private final Deque<GroupView> groups = new ArrayDeque<>();
  private EntryView skipping;

  FirstEntries(WalkTarget target) {
    this.target = target;
  }

  private boolean on() {
    return skipping == null;
  }

  @Override
  public void startEntry(EntryView e) {
    if (!on()) {
      return;
    }
    GroupView g = groups.peek();
    boolean wanted = g.entries() == 0 ? e.isTemplate() : e.index() == 0;
    if (wanted) {
      target.startEntry(e);
    } else {
      skipping = e;
    }
  }

  @Override
  public void endEntry(EntryView e) {
    if (skipping == e) {
      skipping = null;
    } else if (on()) {
      target.endEntry(e);
    }
  }

  @Override
  public void startGroup(GroupView g) {
    if (on()) {
      groups.push(g);
      target.startGroup(g);
    }
  }

  @Override
  public void endGroup(GroupView g) {
    if (on()) {
      groups.pop();
      target.endGroup(g);
    }
  }

  @Override
  public void title(String title) {
    target.title(title);
  }

  @Override
  public void banner(List<BannerItem> items) {
    target.banner(items);
  }

  @Override
  public void endMark(String text) {
    target.endMark(text);
  }

  @Override
  public void stamp(String text) {
    target.stamp(text);
  }

  @Override
  public void startSection(SectionView s) {
    if (on()) {
      target.startSection(s);
    }
  }

  @Override
  public void endSection(SectionView s) {
    if (on()) {
      target.endSection(s);
    }
  }

  @Override
  public void paragraph(ParagraphView p) {
    if (on()) {
      target.paragraph(p);
    }
  }

  @Override
  public void startTable(TableView t) {
    if (on()) {
      target.startTable(t);
    }
  }

  @Override
  public void endTable(TableView t) {
    if (on()) {
      target.endTable(t);
    }
  }

  @Override
  public void startRow(RowView r) {
    if (on()) {
      target.startRow(r);
    }
  }

  @Override
  public void endRow(RowView r) {
    if (on()) {
      target.endRow(r);
    }
  }

  @Override
  public void startCell(CellView c) {
    if (on()) {
      target.startCell(c);
    }
  }

  @Override
  public void endCell(CellView c) {
    if (on()) {
      target.endCell(c);
    }
  }

  @Override
  public void startConditional(ConditionalView c) {
    if (on()) {
      target.startConditional(c);
    }
  }

  @Override
  public void endConditional(ConditionalView c) {
    if (on()) {
      target.endConditional(c);
    }
  }
}

package org.emrkit.render;

import java.util.List;

/**
 * What an output format implements to be written by a {@link RecordWalk}: it is told what the
 * record shows, in order, with every decision already made (visibility, scope, paths, display
 * text, rows, labels, signature state), and only writes. Start and end calls nest like the
 * template. Every method does nothing by default.
 */
public interface WalkTarget {

  /** The record's title, first in the body. */
  default void title(String title) {}

  /** The patient banner, after the title (not called when the banner is off). */
  default void banner(List<BannerItem> items) {}

  /** A section starts; its content follows. */
  default void startSection(SectionView s) {}

  /** The section ends. */
  default void endSection(SectionView s) {}

  /** A paragraph. */
  default void paragraph(ParagraphView p) {}

  /**
   * Whether the target reads the fields alone (the rules do): then each field a paragraph holds
   * comes to {@link #fieldAlone}, in order, and {@link #paragraph} is not called - no runs are made
   * for the text around them, and two values sharing a unit are not paired. Asked once per walk.
   */
  default boolean fieldsOnly() {
    return false;
  }

  /** A field of a paragraph, for a target that reads {@link #fieldsOnly() fields only}. */
  default void fieldAlone(FieldView f) {}

  /** A table starts; its rows follow. */
  default void startTable(TableView t) {}

  /** The table ends. */
  default void endTable(TableView t) {}

  /** A row starts; its cells follow. */
  default void startRow(RowView r) {}

  /** The row ends. */
  default void endRow(RowView r) {}

  /** A cell starts (called for the cells anchored in the row); its content follows. */
  default void startCell(CellView c) {}

  /** The cell ends. */
  default void endCell(CellView c) {}

  /** A repeat group, or a repeating table's rows, starts; its entries follow. */
  default void startGroup(GroupView g) {}

  /** The group ends. */
  default void endGroup(GroupView g) {}

  /** An entry starts: a repeat group's content, or a row of a repeating table. */
  default void startEntry(EntryView e) {}

  /** The entry ends. */
  default void endEntry(EntryView e) {}

  /** An {@code if} block starts. */
  default void startConditional(ConditionalView c) {}

  /** The {@code if} block ends. */
  default void endConditional(ConditionalView c) {}

  /** The end mark （以下空白）, last in the body, when the options ask for it. */
  default void endMark(String text) {}

  /**
   * The content goes on on a new page: before a section that starts one ({@code newPage}, the
   * back of a 住院病案首页), and before the 修改记录 page, which follows as a title and
   * tables, after the end mark, when the options ask for amendments and there are some to show
   * there: all of them for {@link AmendmentPrint#APPENDIX}; for {@link AmendmentPrint#INLINE}
   * those no field on the page showed).
   */
  default void pageBreak() {}

  /** The print stamp (打印人, 打印时间), last in the footer, when the options ask for it. */
  default void stamp(String text) {}
}

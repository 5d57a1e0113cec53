package org.emrkit.render;

import java.util.List;
import java.util.regex.Pattern;
import org.emrkit.template.Block;
import org.emrkit.template.Cell;
import org.emrkit.template.Field;
import org.emrkit.template.Inline;
import org.emrkit.template.LineBreak;
import org.emrkit.template.Paragraph;
import org.emrkit.template.Table;
import org.emrkit.template.Text;
import org.emrkit.terminology.DataElements;

/**
 * What a field is called for a person, decided once for every output (the edit form's
 * accessible names, messages to clinicians, export item texts), and the plain text of blocks.
 * Stateless.
 */
public final class Labels {

  private static final Pattern TRAILING = Pattern.compile("[\\s\u3000：:，,（(]+$");
  private static final Pattern SPACES = Pattern.compile("[\\s\u3000：:]+");

  private Labels() {}

  /**
   * The plain text of blocks that hold only text (no fields, no tables), colons and runs of
   * white space turned into single spaces; {@code null} when they hold anything else, are empty
   * or run over 40 characters (then they are content, not a label).
   */
  public static String plainText(List<Block> blocks) {
    StringBuilder sb = new StringBuilder();
    for (Block b : blocks) {
      if (!(b instanceof Paragraph p)) {
        return null;
      }
      sb.append(' ');
      for (Inline i : p.inlines()) {
        if (i instanceof Text t) {
          sb.append(t.text());
        } else if (i instanceof LineBreak) {
          sb.append(' ');
        } else {
          return null;
        }
      }
    }
    String text = SPACES.matcher(sb).replaceAll(" ").strip();
    return text.isEmpty() || text.length() > 40 ? null : text;
  }

  /**
   * What names the one control of a table cell that has no text of its own: the text of the
   * cell to its left (a row label such as 病史陈述者) and, under header rows, the header of its
   * column (体温, or 肌力 左 for both); {@code null} when there is none or the cell holds several
   * controls (血压 sbp / dbp are better named by their data elements).
   */
  public static String cell(Table t, Cell c) {
    int controls = 0;
    for (Block b : c.content()) {
      if (b instanceof Paragraph p) {
        for (Inline i : p.inlines()) {
          controls += i instanceof Field ? 1 : 0;
        }
      }
    }
    if (controls != 1) {
      return null;
    }
    String row = c.column() > 0 ? plainText(t.cellAt(c.row(), c.column() - 1).content()) : null;
    // every header row's text over the column, top to bottom (入量 名称, 生命体征 体温℃)
    String column = null;
    Cell previous = null;
    for (int h = 0; h < t.headerRows() && c.row() >= t.headerRows(); h++) {
      Cell head = t.cellAt(h, c.column());
      String text = head == previous ? null : plainText(head.content());
      previous = head;
      if (text != null) {
        column = column == null ? text : column + " " + text;
      }
    }
    if (row != null && column != null) {
      return row + " " + column;
    }
    return row != null ? row : column;
  }

  /**
   * A field's name for people: the template's label, else the text just before it in its
   * paragraph ("过敏史：" gives 过敏史), else (for the first control of a table cell) the cell's
   * label, else its data element's name, else (for a field alone in its paragraph, not named
   * by a cell) the section's title, else the field name.
   */
  static String field(Field f, String textBefore, boolean first, boolean alone, String cell,
      String sectionTitle, LabelCache cache) {
    if (f.label() != null) {
      return f.label();
    }
    String before = textBefore == null ? null : cache.fromTextBefore(textBefore);
    if (before != null) {
      return before;
    }
    if (cell != null && first) {
      return cell;
    }
    return DataElements.names(f.dataElement()).map(DataElements.Names::zh).orElse(
        alone && cell == null && sectionTitle != null ? sectionTitle : f.name());
  }

  /**
   * The label the text just before a field gives it: its last phrase, without the colon after
   * it ("　过敏史：" gives 过敏史); null when that has no letter. The one reading of it: the walk
   * names fields by it, and the writing-standard pack finds a template's items by it.
   */
  public static String fromTextBefore(String textBefore) {
    String visible = TRAILING.matcher(textBefore).replaceAll("").strip();
    int cut = Math.max(visible.lastIndexOf('\u3000'), Math.max(visible.lastIndexOf('，'),
        visible.lastIndexOf('。')));
    visible = visible.substring(cut + 1).strip();
    return visible.codePoints().anyMatch(Character::isLetter) ? visible : null;
  }
}

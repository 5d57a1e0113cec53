package org.emrkit.render;

import java.util.ArrayList;
import java.util.List;
import org.emrkit.record.Patient;
import org.emrkit.template.Block;
import org.emrkit.template.Cell;
import org.emrkit.template.Conditional;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.template.Inline;
import org.emrkit.template.Paragraph;
import org.emrkit.template.RepeatGroup;
import org.emrkit.template.Section;
import org.emrkit.template.Table;
import org.emrkit.template.Text;

/**
 * Every printed page names the patient (病历书写基本规范 第三十条: each page carries the patient's
 * name, 住院号 and page number): a template's own running header that shows no field of the
 * patient's name (or 住院号) gets them added to its last line, "姓名：张三", as the automatic head
 * has them. Package-private.
 */
final class PatientLine {

  private PatientLine() {}

  /** The header's blocks, with the patient's name and 住院号 added where it shows neither. */
  static List<Block> identified(List<Block> header, Patient patient) {
    if (header.isEmpty()) {
      return header;
    }
    StringBuilder add = new StringBuilder();
    if (patient.name() != null && !shows(header, "patient.name")) {
      add.append("　姓名：").append(patient.name());
    }
    if (patient.mrn() != null && !shows(header, "patient.mrn")) {
      add.append("　住院号：").append(patient.mrn());
    }
    if (add.length() == 0) {
      return header;
    }
    List<Block> out = new ArrayList<>(header);
    Block last = out.get(out.size() - 1);
    if (last instanceof Paragraph p) {
      List<Inline> inlines = new ArrayList<>(p.inlines());
      inlines.add(Text.of(add.toString()));
      out.set(out.size() - 1, new Paragraph(inlines));
    } else {
      out.add(Paragraph.of(Text.of(add.substring(1))));
    }
    return out;
  }

  /** Whether the blocks hold a macro field of this context source. */
  private static boolean shows(List<Block> blocks, String source) {
    for (Block b : blocks) {
      boolean found;
      if (b instanceof Paragraph p) {
        found = p.inlines().stream().anyMatch(i -> i instanceof Field f
            && f.type() == FieldType.MACRO && source.equals(f.source()));
      } else if (b instanceof Table t) {
        found = t.cells().stream().map(Cell::content).anyMatch(c -> shows(c, source));
      } else if (b instanceof Section s) {
        found = shows(s.children(), source);
      } else if (b instanceof Conditional c) {
        found = shows(c.children(), source);
      } else {
        found = b instanceof RepeatGroup g && shows(g.children(), source);
      }
      if (found) {
        return true;
      }
    }
    return false;
  }
}

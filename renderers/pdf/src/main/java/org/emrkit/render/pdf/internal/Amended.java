package org.emrkit.render.pdf.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.emrkit.record.Record;
import org.emrkit.record.Revision;
import org.emrkit.record.Signature;
import org.emrkit.record.TracePath;
import org.emrkit.render.PrintEntry;
import org.emrkit.render.PrintLog;
import org.emrkit.render.PrintPosition;

/**
 * Finds printed content changed after it was printed. A place in the record is where its entry
 * or row starts in the layout (the entry it is in, found by walking up its pointer), else the
 * first page of the unit a field is laid in; content there was printed by a print whose end lies
 * below it.
 */
final class Amended {

  private Amended() {}

  /**
   * The pages, ascending and not among {@code reprinted}, holding content some print put on
   * paper and a later value revision or signature changed, unless a later print put the page on
   * new paper again.
   */
  static List<Integer> pages(Record record, PrintLog log, PdfLayout.Result laid,
      List<Integer> reprinted) {
    TreeSet<Integer> pages = new TreeSet<>();
    if (log.isEmpty()) {
      return List.of();
    }
    int firstSeq = log.entries().get(0).seq();
    for (Revision r : record.revisions()) {
      if (r.seq() > firstSeq && r.path() instanceof TracePath.OfValue v) {
        add(pages, log, laid, v.pointer(), e -> e.seq() < r.seq(), e -> e.seq() > r.seq());
      }
    }
    for (Signature s : record.signatures()) {
      if (s.field() != null) {
        add(pages, log, laid, s.field(), e -> e.at().isBefore(s.at()),
            e -> e.at().isAfter(s.at()));
      }
    }
    pages.removeAll(reprinted);
    return new ArrayList<>(pages);
  }

  /**
   * The pages where, since {@code print}, an entry was inserted or removed, or a group's entries
   * moved, above where that print ended: content on paper then stands where the record has
   * other content. Empty when nothing moved so.
   */
  static List<Integer> moved(Record record, PrintEntry print, PdfLayout.Result laid) {
    TreeSet<Integer> pages = new TreeSet<>();
    Marks marks = laid.marks();
    for (Revision r : record.revisions()) {
      if (r.seq() <= print.seq() || !(r.path() instanceof TracePath.OfValue v)) {
        continue;
      }
      String p = v.pointer();
      int slash = p.lastIndexOf('/');
      boolean entry = slash > 0 && p.substring(slash + 1).matches("\\d{1,7}")
          && (r.oldValue() == null || r.newValue() == null);
      boolean list = r.newValue() != null && r.newValue().startsWith("[")
          || r.oldValue() != null && r.oldValue().startsWith("[");
      if (!entry && !list) {
        continue;
      }
      // the place the change is at: the entry now at that index, else the end of the one
      // before it, else (a list nested in an entry) the start of the entry it is in
      Marks.Boundary at = marks.starts().get(list ? p + "/0" : p);
      if (at == null && entry && !p.endsWith("/0")) {
        at = marks.ends().get(p.substring(0, slash) + "/"
            + (Integer.parseInt(p.substring(slash + 1)) - 1));
      }
      for (String up = p; at == null && up.lastIndexOf('/') > 0; ) {
        up = up.substring(0, up.lastIndexOf('/'));
        at = marks.starts().get(up);
      }
      if (at == null) {
        pages.add(print.end().page()); // a list emptied: where it was cannot be told
        continue;
      }
      PrintPosition where = new PrintPosition(at.page(), laid.mmDown(at.y()), null);
      if (print.end().after(where)) {
        pages.add(at.page());
      }
    }
    return new ArrayList<>(pages);
  }

  /** The furthest place the prints {@code before} accepts reached, or null. */
  private static PrintPosition covered(PrintLog log, Predicate<PrintEntry> before) {
    PrintPosition far = null;
    for (PrintEntry e : log.entries()) {
      if (before.test(e) && (far == null || e.end().after(far))) {
        far = e.end();
      }
    }
    return far;
  }

  private static void add(TreeSet<Integer> pages, PrintLog log, PdfLayout.Result laid,
      String pointer, Predicate<PrintEntry> before, Predicate<PrintEntry> after) {
    PrintPosition covered = covered(log, before);
    if (covered == null) {
      return;
    }
    Marks marks = laid.marks();
    int first = 0;
    int last = 0;
    for (String p = pointer; !p.isEmpty() && first == 0; p = p.substring(0, p.lastIndexOf('/'))) {
      Marks.Boundary start = marks.starts().get(p);
      if (start != null) {
        PrintPosition at = new PrintPosition(start.page(), laid.mmDown(start.y()), null);
        if (covered.after(at)) {
          Marks.Boundary end = marks.ends().get(p);
          first = start.page();
          last = Math.min(end == null ? start.page() : end.page(), covered.page());
        } else {
          return;
        }
      }
    }
    if (first == 0) {
      Integer unit = marks.unitOf(pointer);
      first = unit == null ? 0 : marks.firstPage(unit);
      last = first;
      if (first == 0 || first > covered.page()) {
        return;
      }
    }
    for (int page = first; page <= last; page++) {
      if (!reprinted(log, page, after)) {
        pages.add(page);
      }
    }
  }

  /** Whether a print {@code after} the change put {@code page} on new paper. */
  private static boolean reprinted(PrintLog log, int page, Predicate<PrintEntry> after) {
    for (PrintEntry e : log.entries()) {
      if (after.test(e) && e.sheets().contains(page)) {
        return true;
      }
    }
    return false;
  }
}

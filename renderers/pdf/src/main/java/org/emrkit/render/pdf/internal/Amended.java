package org.emrkit.render.pdf.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.emrkit.record.Record;
import org.emrkit.record.Revision;
import org.emrkit.record.Signature;
import org.emrkit.record.TracePath;
import org.emrkit.render.PrintEntry;
import org.emrkit.render.PrintLog;
import org.emrkit.render.PrintPosition;

/**
 * Finds printed content changed after it was printed: each value revision, and each signature,
 * made after a print whose end lies below the place it changed. The place is where its entry or
 * row starts in the layout (the entry it is in, found by walking up its pointer), else the first
 * page of the unit the field is laid in.
 */
final class Amended {

  private Amended() {}

  /** The pages, ascending, not among {@code reprinted}. */
  static List<Integer> pages(Record record, PrintLog log, PdfLayout.Result laid,
      List<Integer> reprinted) {
    TreeSet<Integer> pages = new TreeSet<>();
    if (log.isEmpty()) {
      return List.of();
    }
    int firstSeq = log.entries().get(0).seq();
    for (Revision r : record.revisions()) {
      if (r.seq() > firstSeq && r.path() instanceof TracePath.OfValue v) {
        add(pages, laid, v.pointer(), covered(log, e -> e.seq() < r.seq()));
      }
    }
    for (Signature s : record.signatures()) {
      if (s.field() != null) {
        add(pages, laid, s.field(), covered(log, e -> e.at().isBefore(s.at())));
      }
    }
    pages.removeAll(reprinted);
    return new ArrayList<>(pages);
  }

  /** The furthest place the prints {@code before} accepts reached, or null. */
  private static PrintPosition covered(PrintLog log,
      java.util.function.Predicate<PrintEntry> before) {
    PrintPosition far = null;
    for (PrintEntry e : log.entries()) {
      if (before.test(e) && (far == null || e.end().after(far))) {
        far = e.end();
      }
    }
    return far;
  }

  private static void add(TreeSet<Integer> pages, PdfLayout.Result laid, String pointer,
      PrintPosition covered) {
    if (covered == null) {
      return;
    }
    Marks marks = laid.marks();
    for (String p = pointer; !p.isEmpty(); p = p.substring(0, p.lastIndexOf('/'))) {
      Marks.Boundary start = marks.starts().get(p);
      if (start != null) {
        PrintPosition at = new PrintPosition(start.page(), laid.mmDown(start.y()), null);
        if (!at.after(covered) && !at.sameAs(covered)) {
          Marks.Boundary end = marks.ends().get(p);
          int last = Math.min(end == null ? start.page() : end.page(), covered.page());
          for (int page = start.page(); page <= last; page++) {
            pages.add(page);
          }
        }
        return;
      }
    }
    Integer unit = marks.unitOf(pointer);
    int page = unit == null ? 0 : marks.firstPage(unit);
    if (page > 0 && page <= covered.page()) {
      pages.add(page);
    }
  }
}

package org.emrkit.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.emrkit.problem.Message;
import org.emrkit.record.Record;
import org.emrkit.record.Revision;
import org.emrkit.record.TracePath;

/**
 * A record's print log, read from its trace (every revision of {@code /@prints}, in order):
 * what has been printed, where the next continuation starts, and which print put each page on
 * paper. Immutable.
 */
public final class PrintLog {

  private final List<PrintEntry> entries;

  private PrintLog(List<PrintEntry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * The record's print log.
   *
   * @throws RenderException ({@code print/log}) for an entry that does not read, naming its
   *     trace entry
   */
  public static PrintLog of(Record record) {
    List<PrintEntry> out = new ArrayList<>();
    boolean archived = false;
    for (Revision r : record.revisions()) {
      if (r.path() instanceof TracePath.OfStatus) {
        archived = "\"archived\"".equals(r.newValue());
      } else if (r.path() instanceof TracePath.OfPrints) {
        try {
          out.add(PrintEntry.read(r.seq(), r.actor(), r.at(), r.newValue(), archived));
        } catch (IllegalArgumentException e) {
          throw new RenderException("print/log", "/revisions/" + (r.seq() - 1), Message.of(
              "打印记录第 " + r.seq() + " 条无法读取：" + e.getMessage(),
              "print log entry " + r.seq() + " does not read: " + e.getMessage()), e);
        }
      }
    }
    return new PrintLog(out);
  }

  /** The prints, oldest first. */
  public List<PrintEntry> entries() {
    return entries;
  }

  /** Whether nothing has been printed. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * Where the next continuation starts: where the latest print that reached the end of what
   * there was to print ended (every print but a reprint of chosen pages does; a reprint does
   * when it reached at least as far as the prints before it), with the entry it ended after;
   * empty when nothing has been printed. So a record printed whole again after an entry was
   * removed continues from that print, not from a place it no longer has.
   */
  public Optional<PrintPosition> continuation() {
    return reaching().map(PrintEntry::end);
  }

  /** The print whose end is the continuation point, if any. */
  public Optional<PrintEntry> reaching() {
    PrintEntry last = null;
    for (PrintEntry e : entries) {
      if (e.mode() != PrintMode.PAGES || last == null || !last.end().after(e.end())) {
        last = e;
      }
    }
    return Optional.ofNullable(last);
  }

  /** The print that last put {@code page} on new paper, if any did. */
  public Optional<PrintEntry> sheet(int page) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (entries.get(i).sheets().contains(page)) {
        return Optional.of(entries.get(i));
      }
    }
    return Optional.empty();
  }

}

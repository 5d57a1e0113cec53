package org.emrkit.render.pdf.internal;

import java.io.OutputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.emrkit.problem.Message;
import org.emrkit.record.Record;
import org.emrkit.record.RecordStatus;
import org.emrkit.render.AmendmentPrint;
import org.emrkit.render.PrintEntry;
import org.emrkit.render.PrintLog;
import org.emrkit.render.PrintOutcome;
import org.emrkit.render.PrintPosition;
import org.emrkit.render.PrintRequest;
import org.emrkit.render.RecordWalk;
import org.emrkit.render.RenderException;
import org.emrkit.render.RenderOptions;
import org.emrkit.template.Template;

/**
 * Prints a record as a print request asks, against its print log: lays the whole record out
 * (as every print of it is laid out: room for a stamp, no end mark, no amendments appendix),
 * finds where the print starts and ends in that layout, and keeps and cuts pages ({@link
 * PrintCut}). Where the log says the last print ended must be a place in the new layout where
 * the same entry ends; when it is not, content on paper has moved and only a reprint helps.
 */
public final class Printing {

  private static final float MM = 72f / 25.4f;

  private final Template template;
  private final Record record;
  private final RenderOptions options;
  private final Styles styles;
  private final PrintLog log;

  public Printing(Template template, Record record, RenderOptions options, Styles styles) {
    this.template = template;
    this.record = record;
    this.options = options;
    this.styles = styles;
    this.log = PrintLog.of(record);
  }

  /** The options every print of a record is laid out with. */
  private RenderOptions printOptions(String who, Clock clock) {
    return options.toBuilder().printedBy(who).clock(clock).endMark(false)
        .amendments(options.amendments() == AmendmentPrint.APPENDIX ? AmendmentPrint.NONE
            : options.amendments()).build();
  }

  /** Prints; see {@code PdfRenderer.print}. */
  public PrintOutcome print(PrintRequest request, OutputStream out) {
    OffsetDateTime at = OffsetDateTime.now(options.clock()).truncatedTo(ChronoUnit.MILLIS);
    RecordWalk walk = RecordWalk.forRendering(template, record, printOptions(
        request.by().name(), Clock.fixed(at.toInstant(), at.getOffset())));
    String stamp = walk.stamp().orElseThrow();
    String watermark = walk.watermark().orElse(null);
    PrintOutcome[] outcome = new PrintOutcome[1];
    PdfA.Meta meta = new PdfA.Meta(walk.documentTitle(), walk.author(), at,
        template.reference() + "|" + record.id(), true);
    PdfA.write(out, raw -> PdfLayout.run(template, walk, styles, raw, p -> stamp,
            p -> watermark, true, meta, new Marks(), java.util.Arrays.asList(stamp, watermark)),
        laid -> {
          Plan plan = plan(laid, request);
          outcome[0] = new PrintOutcome(new PrintEntry(0, request.by(), at, request.mode(),
              plan.pages, plan.sheets, plan.from, plan.end, request.printer(), request.offsetX(),
              request.offsetY(), watermark, record.status() == RecordStatus.ARCHIVED),
              plan.cutPage, Amended.pages(record, log, laid, plan.sheets), neverPrinted(plan.pages));
          return new PrintCut(plan.pages, plan.cutPage, plan.cut, (float) request.offsetX() * MM,
              (float) request.offsetY() * MM);
        });
    return outcome[0];
  }

  /** The whole record as its sheets stand; see {@code PdfRenderer.renderAsPrinted}. */
  public void asPrinted(OutputStream out) {
    RecordWalk walk = RecordWalk.forRendering(template, record, printOptions(null,
        options.clock()));
    // a sheet on paper carries the watermark it was printed with; a page never printed, today's
    String now = walk.watermark().orElse(null);
    List<String> furniture = new ArrayList<>();
    furniture.add(now);
    for (PrintEntry e : log.entries()) {
      furniture.add(e.stamp());
      furniture.add(e.watermark());
    }
    PdfLayout.run(template, walk, styles, out,
        p -> log.sheet(p).map(PrintEntry::stamp).orElse(null),
        p -> log.sheet(p).isPresent() ? log.sheet(p).get().watermark() : now, true,
        new PdfA.Meta(walk.documentTitle(), walk.author(), OffsetDateTime.now(options.clock()),
            template.reference() + "|" + record.id(), false), Marks.none(), furniture);
  }

  /** What a print keeps, cuts and logs. */
  private record Plan(List<Integer> pages, List<Integer> sheets, int cutPage,
      Marks.Boundary cut, PrintPosition from, PrintPosition end) {}

  private Plan plan(PdfLayout.Result laid, PrintRequest request) {
    Marks marks = laid.marks();
    int n = laid.pages();
    PrintPosition end = position(laid, marks.end(laid.top()));
    switch (request.mode()) {
      case PAGES:
        for (int p : request.pages()) {
          if (p > n) {
            throw new RenderException("print/pages", "", Message.of("病历只有 " + n + " 页，没有第 "
                + p + " 页", "the record has " + n + " pages, not page " + p), null);
          }
        }
        List<Integer> chosen = new ArrayList<>(new TreeSet<>(request.pages()));
        int last = chosen.get(chosen.size() - 1);
        return new Plan(chosen, chosen, 0, null, null,
            last == n ? end : position(laid, pageEnd(marks, last, laid.top())));
      case FROM:
        Marks.Boundary start = marks.starts().get(request.from());
        if (start == null) {
          throw new RenderException("print/entry", request.from(), Message.of("无法从 "
              + request.from() + " 续打：病历中没有这一条目，或它不是正文中的重复条目或表格行"
              + "（单元格内嵌表格的行不能单独续打）", "cannot print from " + request.from()
              + ": the record has no such entry, or it is not an entry of a repeat group or a row"
              + " of a table in the body (a row of a table nested in a cell cannot be chosen)"),
              null);
        }
        return from(laid, start, end);
      case CONTINUE:
        if (log.isEmpty()) {
          return new Plan(range(1, n), range(1, n), 0, null, null, end);
        }
        return from(laid, resume(laid), end);
      default:
        return new Plan(range(1, n), range(1, n), 0, null, null, end);
    }
  }

  /** A print from a place to the end: the page it is on cut, unless it is not on paper yet. */
  private Plan from(PdfLayout.Result laid, Marks.Boundary b, PrintPosition end) {
    int n = laid.pages();
    PrintPosition from = position(laid, b);
    if (log.sheet(b.page()).isEmpty()) {
      // nothing on that sheet to go on from: it is printed whole, on new paper
      return new Plan(range(b.page(), n), range(b.page(), n), 0, null, from, end);
    }
    boolean more = laid.marks().contentAfter(b);
    List<Integer> pages = range(more ? b.page() : b.page() + 1, n);
    if (pages.isEmpty()) {
      throw new RenderException("print/nothing-new", "", Message.of("自上次打印（"
          + from.describeZh() + "）以来没有新的内容可以续打", "nothing new to print since the last"
          + " print (" + from.describeEn() + ")"), null);
    }
    return new Plan(pages, range(b.page() + 1, n), more ? b.page() : 0, b, from, end);
  }

  /**
   * Where the last print ended, found in this layout: the end of the entry it ended after, at
   * the same place; or, when it ended after content that is not an entry (a section after the
   * last entry, a table with no rows yet), a unit's end, a page's end or a row's start there,
   * below that entry. Refuses ({@code print/moved}) when there is none, and when an entry was
   * inserted, removed or moved above it since: the same place would then hold other content.
   */
  private Marks.Boundary resume(PdfLayout.Result laid) {
    PrintEntry reaching = log.reaching().orElseThrow();
    PrintPosition at = reaching.end();
    Marks marks = laid.marks();
    Marks.Boundary entry = at.entry() == null ? null : marks.ends().get(at.entry());
    Marks.Boundary found = entry != null && same(laid, entry, at) ? entry : null;
    if (found == null && (at.entry() == null || entry != null
        && !position(laid, entry).after(at))) {
      found = notAnEntry(laid, at);
    }
    List<Integer> moved = Amended.moved(record, reaching, laid);
    if (found != null && moved.isEmpty()) {
      return found;
    }
    List<Integer> amended = Amended.pages(record, log, laid, List.of());
    int first = at.page();
    for (List<Integer> l : List.of(moved, amended)) {
      first = l.isEmpty() ? first : Math.min(first, l.get(0));
    }
    int n = laid.pages();
    String pages = PrintEntry.pageRange(range(Math.min(first, n), n));
    throw new RenderException("print/moved", at.entry() == null ? "" : at.entry(), Message.of(
        "上次打印到" + at.describeZh() + "，但已打印的内容此后被修改，或在其上方插入、删除、移动了条目，"
            + "位置已经变化，不能在原纸上续打；请重打第 " + pages + " 页",
        "the last print ended at " + at.describeEn() + ", but content already on paper has"
            + " since been amended, or had entries inserted, removed or moved above it, and has"
            + " moved: it cannot be continued on that paper; print pages " + pages + " again"),
        null);
  }

  /** A unit's end, a page's end or a row's start at {@code at}, or null. */
  private static Marks.Boundary notAnEntry(PdfLayout.Result laid, PrintPosition at) {
    Marks marks = laid.marks();
    Marks.Part previous = null;
    for (Marks.Part p : marks.parts()) {
      if (previous != null && previous.unit() != p.unit()) {
        Marks.Boundary after = new Marks.Boundary(previous.page(), previous.bottom(),
            previous.unit() + 1);
        if (same(laid, after, at)) {
          return after;
        }
      }
      previous = p;
    }
    for (Marks.Boundary start : marks.starts().values()) {
      // a table printed with its header rows and no rows yet: its first row starts there
      if (same(laid, start, at)) {
        return start;
      }
    }
    Marks.Boundary pageEnd = pageEnd(marks, at.page(), laid.top());
    return at.page() <= laid.pages() && same(laid, pageEnd, at) ? pageEnd : null;
  }

  private static boolean same(PdfLayout.Result laid, Marks.Boundary b, PrintPosition at) {
    return b.page() == at.page() && Math.abs(laid.mmDown(b.y()) - at.mm()) < 0.05;
  }

  /** The end of a page's body: under its last unit's content there. */
  private static Marks.Boundary pageEnd(Marks marks, int page, float top) {
    Marks.Boundary end = new Marks.Boundary(page, top, 0);
    for (Marks.Part p : marks.parts()) {
      if (p.page() == page) {
        end = new Marks.Boundary(page, p.bottom(), p.unit() + 1);
      }
    }
    return end;
  }

  /** A boundary as the log keeps it, with the last entry that ends at or above it. */
  private static PrintPosition position(PdfLayout.Result laid, Marks.Boundary b) {
    String entry = null;
    for (Map.Entry<String, Marks.Boundary> e : laid.marks().ends().entrySet()) {
      Marks.Boundary x = e.getValue();
      if (x.page() < b.page() || x.page() == b.page() && x.y() >= b.y() - 0.01f) {
        entry = e.getKey();
      }
    }
    return new PrintPosition(b.page(), laid.mmDown(b.y()), entry);
  }

  /** The pages before the first of {@code pages} that no print has put ink on. */
  private List<Integer> neverPrinted(List<Integer> pages) {
    List<Integer> out = new ArrayList<>();
    for (int p = 1; !log.isEmpty() && p < pages.get(0); p++) {
      int page = p;
      if (log.entries().stream().noneMatch(e -> e.pages().contains(page))) {
        out.add(p);
      }
    }
    return out;
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> out = new ArrayList<>();
    for (int p = from; p <= to; p++) {
      out.add(p);
    }
    return out;
  }
}

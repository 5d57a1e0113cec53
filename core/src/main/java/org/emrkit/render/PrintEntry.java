package org.emrkit.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.emrkit.json.CanonicalJson;
import org.emrkit.record.Actor;

/**
 * One print of a record, as its print log keeps it: who printed and when (the trace entry's
 * actor and time), the mode, the pages it put ink on, the pages it put on new paper (those carry
 * its running header, footer and print stamp), where it started on a page printed before, where
 * it ended, the printer the host named and the feed offset applied. Kept in the record's trace
 * as a revision of {@code /@prints} whose new value is {@link #json()}.
 *
 * @param seq the trace entry's sequence number, or 0 for a print not logged yet
 * @param actor who printed
 * @param at when
 * @param mode the mode
 * @param pages the pages printed, ascending, as the whole record is numbered
 * @param sheets the pages put on new paper (printed from the top, with their running header and
 *     footer and this print's stamp), ascending; the others of {@code pages} were continued
 * @param from where the print started on a page already on paper, or {@code null}
 * @param end where the last content it printed ends
 * @param printer the printer the host named, or {@code null}
 * @param offsetX the feed offset applied, in mm to the right
 * @param offsetY the feed offset applied, in mm down
 * @param watermark the watermark its new sheets carry (草稿 on a draft with unsigned content, or
 *     the host's), or {@code null}: a sheet keeps the one it was printed with
 * @param archived whether the record was archived when it was printed (the stamp says 已归档)
 */
public record PrintEntry(int seq, Actor actor, OffsetDateTime at, PrintMode mode,
    List<Integer> pages, List<Integer> sheets, PrintPosition from, PrintPosition end,
    String printer, double offsetX, double offsetY, String watermark, boolean archived) {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Set<String> MEMBERS = Set.of("mode", "pages", "sheets", "from", "end",
      "printer", "offset", "watermark");

  /** Checks the members. */
  public PrintEntry {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(end, "end");
    pages = ascending(pages, "pages");
    sheets = ascending(sheets, "sheets");
    if (pages.isEmpty() || !new java.util.HashSet<>(pages).containsAll(sheets)) {
      throw new IllegalArgumentException("a print puts ink on at least one page, and every page"
          + " it puts on new paper is one of them");
    }
    printer(printer);
    offset(offsetX);
    offset(offsetY);
    if (watermark != null && (watermark.isBlank() || watermark.length() > 100
        || watermark.chars().anyMatch(Character::isISOControl))) {
      throw new IllegalArgumentException("a watermark is one line of 1 to 100 characters");
    }
  }

  private static List<Integer> ascending(List<Integer> pages, String what) {
    List<Integer> out = List.copyOf(Objects.requireNonNull(pages, what));
    if (out.size() > 10_000) {
      throw new IllegalArgumentException("a print has at most 10000 " + what);
    }
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i) < 1 || i > 0 && out.get(i) <= out.get(i - 1)) {
        throw new IllegalArgumentException(what + " must be ascending page numbers from 1");
      }
    }
    return out;
  }

  /** Checks a printer's name: one line of 1 to 100 characters, or none. */
  static String printer(String name) {
    if (name != null && (name.isBlank() || name.length() > 100
        || name.chars().anyMatch(Character::isISOControl))) {
      throw new IllegalArgumentException("printer name must be one line of 1 to 100 characters");
    }
    return name;
  }

  /** Checks a feed offset: at most 50 mm either way. */
  static double offset(double mm) {
    if (!Double.isFinite(mm) || Math.abs(mm) > 50) {
      throw new IllegalArgumentException("a feed offset is at most 50 mm either way, was " + mm);
    }
    return mm;
  }

  /** The print stamp it put on its sheets: 打印人：… 打印时间：yyyy-MM-dd HH:mm (已归档). */
  public String stamp() {
    return stamp(actor.name(), at, archived);
  }

  /** A print stamp. */
  static String stamp(String who, OffsetDateTime at, boolean archived) {
    return "打印人：" + who + "　打印时间：" + STAMP.format(at) + (archived ? "　已归档" : "");
  }

  /** One line for a trace view: the mode, the pages (第 1–3 页), the printer. */
  public String summary() {
    String label = switch (mode) {
      case CONTINUE -> "续打 continue";
      case FROM -> "位置续打 from";
      case PAGES -> "重打 pages";
      case ALL -> "打印 all";
    };
    return label + " · 第 " + pageRange(pages) + " 页" + (printer == null ? "" : " · " + printer);
  }

  /** Ascending pages as people write them: {@code 3}, {@code 2–5}, {@code 1、3、4}. */
  public static String pageRange(List<Integer> pages) {
    int first = pages.get(0);
    int last = pages.get(pages.size() - 1);
    return first == last ? String.valueOf(first) : last - first == pages.size() - 1
        ? first + "–" + last : String.join("、", pages.stream().map(String::valueOf).toList());
  }

  /** The entry as its trace revision's new value: canonical JSON text. */
  public String json() {
    ObjectNode o = CanonicalJson.NODES.objectNode();
    o.put("mode", mode.label());
    pages.forEach(o.putArray("pages")::add);
    sheets.forEach(o.putArray("sheets")::add);
    if (from != null) {
      o.set("from", position(from));
    }
    o.set("end", position(end));
    if (printer != null) {
      o.put("printer", printer);
    }
    if (watermark != null) {
      o.put("watermark", watermark);
    }
    if (offsetX != 0 || offsetY != 0) {
      ObjectNode off = o.putObject("offset");
      off.put("x", offsetX);
      off.put("y", offsetY);
    }
    return CanonicalJson.write(o);
  }

  private static ObjectNode position(PrintPosition p) {
    ObjectNode o = CanonicalJson.NODES.objectNode();
    o.put("page", p.page());
    o.put("mm", p.mm());
    if (p.entry() != null) {
      o.put("entry", p.entry());
    }
    return o;
  }

  /**
   * Reads an entry from its trace revision's new value.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static PrintEntry read(int seq, Actor actor, OffsetDateTime at, String json,
      boolean archived) {
    if (json == null) {
      throw new IllegalArgumentException("a print entry has no value");
    }
    JsonNode n;
    try {
      n = CanonicalJson.parse(json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("a print entry must be a JSON object", e);
    }
    if (!n.isObject()) {
      throw new IllegalArgumentException("a print entry must be a JSON object");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!MEMBERS.contains(name)) {
        throw new IllegalArgumentException("a print entry has no member " + name);
      }
    }
    PrintMode mode = PrintMode.fromLabel(n.path("mode").asText(""));
    if (mode == null) {
      throw new IllegalArgumentException("a print entry's mode is continue, from, pages or all");
    }
    JsonNode printer = n.get("printer");
    if (printer != null && !printer.isTextual()) {
      throw new IllegalArgumentException("a print entry's printer is text");
    }
    JsonNode off = n.path("offset");
    JsonNode mark = n.get("watermark");
    if (mark != null && !mark.isTextual()) {
      throw new IllegalArgumentException("a print entry's watermark is text");
    }
    return new PrintEntry(seq, actor, at, mode, pages(n.get("pages")), pages(n.get("sheets")),
        n.has("from") ? position(n.get("from")) : null, position(n.get("end")),
        printer == null ? null : printer.asText(), number(off, "x"), number(off, "y"),
        mark == null ? null : mark.asText(), archived);
  }

  private static List<Integer> pages(JsonNode a) {
    if (!(a instanceof ArrayNode array)) {
      throw new IllegalArgumentException("a print entry's pages and sheets are arrays");
    }
    List<Integer> out = new ArrayList<>();
    for (JsonNode p : array) {
      if (!p.canConvertToInt() || !p.isIntegralNumber()) {
        throw new IllegalArgumentException("a print entry's pages are page numbers");
      }
      out.add(p.intValue());
    }
    return out;
  }

  private static PrintPosition position(JsonNode p) {
    if (p == null || !p.isObject() || !p.path("page").isIntegralNumber()
        || !p.path("page").canConvertToInt()
        || !p.path("mm").isNumber() || p.size() > 3
        || p.has("entry") && !p.get("entry").isTextual()) {
      throw new IllegalArgumentException("a print position is {page, mm, entry}");
    }
    return new PrintPosition(p.get("page").intValue(), p.get("mm").doubleValue(),
        p.has("entry") ? p.get("entry").asText() : null);
  }

  private static double number(JsonNode o, String name) {
    JsonNode v = o.path(name);
    if (v.isMissingNode()) {
      return 0;
    }
    if (!v.isNumber()) {
      throw new IllegalArgumentException("a print entry's offset is {x, y} in mm");
    }
    return v.doubleValue();
  }

  /** This entry as logged at trace entry {@code seq}, by {@code actor} at {@code at}. */
  public PrintEntry logged(int seq, Actor actor, OffsetDateTime at) {
    return new PrintEntry(seq, actor, at, mode, pages, sheets, from, end, printer, offsetX,
        offsetY, watermark, archived);
  }
}

package org.emrkit.render;

import java.util.List;
import java.util.Objects;
import org.emrkit.record.Actor;

/**
 * What to print: the mode, for {@link PrintMode#FROM} the entry or row to start at, for {@link
 * PrintMode#PAGES} the pages, who prints (the stamp names them; the host's authenticated user,
 * never a name taken from a request), the printer the host names and a feed offset (偏移续打) in
 * millimetres.
 *
 * @param mode what to print
 * @param from JSON pointer of the entry or row to start at ({@code /nursingRows/12}), for
 *     {@link PrintMode#FROM}; else {@code null}
 * @param pages the pages to print again, for {@link PrintMode#PAGES}; else empty
 * @param by who prints
 * @param printer the printer's name for the log, or {@code null}
 * @param offsetX feed offset to the right, mm (at most 50 either way)
 * @param offsetY feed offset down, mm (at most 50 either way)
 */
public record PrintRequest(PrintMode mode, String from, List<Integer> pages, Actor by,
    String printer, double offsetX, double offsetY) {

  /** Checks the members. */
  public PrintRequest {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(by, "by");
    pages = List.copyOf(pages == null ? List.of() : pages);
    if ((mode == PrintMode.FROM) != (from != null)) {
      throw new IllegalArgumentException("a print from here (and only it) names the entry or"
          + " row it starts at");
    }
    if (from != null && (!from.startsWith("/") || from.startsWith("/@") || from.length() > 500)) {
      throw new IllegalArgumentException("the entry to print from is a JSON pointer into values,"
          + " was " + from);
    }
    if ((mode == PrintMode.PAGES) == pages.isEmpty()) {
      throw new IllegalArgumentException("a reprint (and only it) names its pages");
    }
    if (pages.size() > 10_000 || pages.stream().anyMatch(p -> p == null || p < 1)) {
      throw new IllegalArgumentException("pages are numbered from 1");
    }
    PrintEntry.printer(printer);
    PrintEntry.offset(offsetX);
    PrintEntry.offset(offsetY);
  }

  /** A print in {@code mode} (continue or all) by {@code by}, no printer named, no offset. */
  public static PrintRequest of(PrintMode mode, Actor by) {
    return new PrintRequest(mode, null, List.of(), by, null, 0, 0);
  }

  /** 位置续打 from an entry or row. */
  public static PrintRequest from(String entry, Actor by) {
    return new PrintRequest(PrintMode.FROM, entry, List.of(), by, null, 0, 0);
  }

  /** 重打 of pages. */
  public static PrintRequest pages(List<Integer> pages, Actor by) {
    return new PrintRequest(PrintMode.PAGES, null, pages, by, null, 0, 0);
  }

  /** This request with a printer's name. */
  public PrintRequest printer(String name) {
    return new PrintRequest(mode, from, pages, by, name, offsetX, offsetY);
  }

  /** This request with a feed offset in mm (right, down). */
  public PrintRequest offset(double x, double y) {
    return new PrintRequest(mode, from, pages, by, printer, x, y);
  }
}

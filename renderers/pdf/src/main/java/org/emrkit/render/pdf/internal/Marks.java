package org.emrkit.render.pdf.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the body's content lies, as the flow lays it down: its units (each element the flow
 * lays, a piece per page it reaches, numbered in order; each row of a repeating table is one), where each entry of a repeat group and each row of a repeating table starts and ends, and the unit each field is in (by
 * pointers into the record's values, {@code /nursingRows/3}). What continuation printing cuts
 * pages at.
 */
public final class Marks {

  /** Half the width of a table rule: the ink of a row's edge reaches this far either side. */
  public static final float HALF_RULE = 0.25f;

  /**
   * A place between two pieces of the body on a page: content after it is every unit from
   * {@code from} on, under {@code y} less half a rule (a rule on the place belongs to what is
   * above it: the edge between two rows of a table is the upper row's bottom rule).
   *
   * @param page the page
   * @param y height above the page's bottom edge, in points
   * @param from the first unit after the place
   */
  public record Boundary(int page, float y, int from) {}

  /** A unit's piece on one page, and where its content there ends (spacing after it not). */
  public record Part(int unit, int page, float bottom) {}

  private final boolean kept;
  private final List<Part> parts = new ArrayList<>();
  private final Map<String, Boundary> starts = new LinkedHashMap<>();
  private final Map<String, Boundary> ends = new LinkedHashMap<>();
  private final Map<String, Integer> fields = new HashMap<>();

  /** Marks to keep, for a layout whose pages are cut. */
  public Marks() {
    this(true);
  }

  private Marks(boolean kept) {
    this.kept = kept;
  }

  /**
   * Marks that keep nothing, for a layout written whole: what a print cuts pages at grows with
   * the record (an entry of every group and a unit of every field), which a 5,000-page render
   * has no use for.
   */
  public static Marks none() {
    return new Marks(false);
  }

  void part(int unit, int page, float bottom) {
    if (kept) {
      parts.add(new Part(unit, page, bottom));
    }
  }

  void start(String entry, Boundary b) {
    if (kept) {
      starts.putIfAbsent(value(entry), b);
    }
  }

  void end(String entry, Boundary b) {
    if (!kept) {
      return;
    }
    String pointer = value(entry);
    ends.remove(pointer); // re-inserted: the map keeps entries in the order they ended
    ends.put(pointer, b);
  }

  void field(String pointer, int unit) {
    if (kept) {
      fields.putIfAbsent(value(pointer), unit);
    }
  }

  /** A walk's path ({@code /values/rows/3}) as a pointer into values ({@code /rows/3}). */
  private static String value(String path) {
    return path.startsWith("/values/") ? path.substring("/values".length()) : path;
  }

  /** The units' pieces, in the order they were laid. */
  public List<Part> parts() {
    return parts;
  }

  /** Where each entry or row starts: the place right above it. */
  public Map<String, Boundary> starts() {
    return starts;
  }

  /** Where each entry or row ends, in the order they ended. */
  public Map<String, Boundary> ends() {
    return ends;
  }

  /** The unit a field (by its JSON pointer) is first laid in, if it was. */
  public Integer unitOf(String pointer) {
    return fields.get(pointer);
  }

  /** The first page a unit reaches, or 0. */
  public int firstPage(int unit) {
    for (Part p : parts) {
      if (p.unit() == unit) {
        return p.page();
      }
    }
    return 0;
  }

  /**
   * Where the body ends: after its last unit, on the page that unit ends on; on page 1 after
   * nothing when the body is empty.
   */
  public Boundary end(float top) {
    if (parts.isEmpty()) {
      return new Boundary(1, top, 0);
    }
    Part last = parts.get(parts.size() - 1);
    return new Boundary(last.page(), last.bottom(), last.unit() + 1);
  }

  /** Whether page {@code b.page()} has content after {@code b}: a unit from its first on. */
  public boolean contentAfter(Boundary b) {
    for (Part p : parts) {
      if (p.page() == b.page() && p.unit() >= b.from()) {
        return true;
      }
    }
    return false;
  }
}

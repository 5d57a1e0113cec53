package org.emrkit.render;

/**
 * A place in a printed record, between two pieces of its body: a page, how far down it (in
 * millimetres from the page's top edge, to a hundredth), and the last entry or row of a
 * repeating group or table whole above it, if any.
 *
 * @param page the page, 1-based, as the whole record is numbered
 * @param mm millimetres from the page's top edge
 * @param entry JSON pointer of the last entry or row whole above the place ({@code
 *     /nursingRows/41}), or {@code null}
 */
public record PrintPosition(int page, double mm, String entry) {

  /** Checks the members and rounds {@code mm} to a hundredth. */
  public PrintPosition {
    if (page < 1 || page > 100_000) {
      throw new IllegalArgumentException("print position page must be 1 to 100000, was " + page);
    }
    if (!Double.isFinite(mm) || mm < 0 || mm > 10_000) {
      throw new IllegalArgumentException("print position must be 0 to 10000 mm down its page, was "
          + mm);
    }
    mm = Math.round(mm * 100) / 100.0;
    if (entry != null && (entry.length() > 500 || !entry.startsWith("/") || entry.startsWith("/@"))) {
      throw new IllegalArgumentException("print position entry must be a JSON pointer into"
          + " values, was " + entry);
    }
  }

  /** Whether this is the same place as {@code other}: same page, within a twentieth of a mm. */
  public boolean sameAs(PrintPosition other) {
    return other.page == page && Math.abs(other.mm - mm) < 0.05;
  }

  /** Whether this place comes after {@code other} in the record. */
  public boolean after(PrintPosition other) {
    return page != other.page ? page > other.page : mm > other.mm + 0.05;
  }

  /** 第 N 页 距顶 M 毫米 (page N, M mm down). */
  public String describeZh() {
    return "第 " + page + " 页距顶 " + Math.round(mm) + " 毫米处"
        + (entry == null ? "" : "（" + entry + " 之后）");
  }

  /** page N, M mm down. */
  public String describeEn() {
    return "page " + page + ", " + Math.round(mm) + " mm down"
        + (entry == null ? "" : " (after " + entry + ")");
  }
}

package org.emrkit.template;

import java.util.Objects;

/**
 * The current page number or the page count, for page headers and footers
 * (DSL {@code {{= page}}} and {@code {{= pages}}}). Allowed only in a page header or footer.
 *
 * @param kind which number
 */
public record PageNumber(Kind kind) implements Inline {

  /** Which number to print. */
  public enum Kind {
    /** The current page, 1-based. */
    PAGE,
    /** The number of pages. */
    PAGES
  }

  /** Checks the kind. */
  public PageNumber {
    Objects.requireNonNull(kind, "kind");
  }

  /** The current page number. */
  public static PageNumber page() {
    return new PageNumber(Kind.PAGE);
  }

  /** The page count. */
  public static PageNumber pages() {
    return new PageNumber(Kind.PAGES);
  }

  @Override
  public <R> R accept(InlineVisitor<R> visitor) {
    return visitor.visitPageNumber(this);
  }
}

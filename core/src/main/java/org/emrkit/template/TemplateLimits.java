package org.emrkit.template;

/**
 * Bounds on the size and depth of templates. Each is checked where the model is built, so an
 * oversized template is refused with a message instead of exhausting memory or the stack later.
 */
public final class TemplateLimits {

  /** Deepest nesting of blocks (sections, groups, conditionals, tables, cells). */
  public static final int MAX_BLOCK_DEPTH = 32;
  /** Deepest nesting of sections ({@code ##} to {@code ######}). */
  public static final int MAX_SECTION_DEPTH = 5;
  /** Deepest nesting of tables inside table cells; a top-level table has depth 1. */
  public static final int MAX_TABLE_DEPTH = 8;
  /** Most grid rows of one table. */
  public static final int MAX_ROWS = 10_000;
  /** Most grid columns of one table. */
  public static final int MAX_COLUMNS = 100;
  /** Most grid slots (rows x columns) of one table. */
  public static final int MAX_SLOTS = 100_000;
  /** Most entries of a repeat group or rows of a repeating table. */
  public static final int MAX_REPEATS = 10_000;
  /** Most fields in one template. */
  public static final int MAX_FIELDS = 10_000;

  private TemplateLimits() {}
}

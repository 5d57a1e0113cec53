package org.emrkit.json;

/**
 * Bounds on JSON input, so hostile or broken input is refused early with a clear problem
 * instead of exhausting memory or the stack. Immutable.
 *
 * @param maxDocumentChars longest document, in characters (default 16 MiB)
 * @param maxDepth deepest nesting of arrays and objects (default 160; a template at the block
 *     depth limit needs about 130)
 * @param maxStringChars longest string, in characters (default 1,000,000)
 * @param maxValues most field values in one record, counting values inside list entries
 *     (default 100,000)
 */
public record JsonLimits(int maxDocumentChars, int maxDepth, int maxStringChars, int maxValues) {

  /** The defaults listed above. */
  public static final JsonLimits DEFAULT = new JsonLimits(16 * 1024 * 1024, 160, 1_000_000,
      100_000);

  /** Checks that every limit is positive. */
  public JsonLimits {
    if (maxDocumentChars < 2 || maxDepth < 4 || maxStringChars < 1 || maxValues < 1) {
      throw new IllegalArgumentException("JSON limits must be positive (document >= 2, depth >= 4)");
    }
  }
}

package org.emrkit.validation;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A hospital's scoring table: points deducted per finding, by rule code, one {@code
 * code,points} per line ({@code field/range,2}); {@code #} starts a comment. Rules the table
 * does not name keep their defaults (see {@code docs/rules.md}). Read with {@link #read}, apply
 * with {@link ValidatorOptions#withDeductions}.
 */
public final class DeductionTable {

  /** The most lines a table has, and characters in all. */
  public static final int MAX_LINES = 10_000;
  public static final int MAX_CHARS = 1_000_000;

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]*/[a-z0-9-]+");
  private static final BigDecimal MAX_POINTS = BigDecimal.valueOf(100);

  private DeductionTable() {}

  /**
   * Reads a table. A bad line is an {@link IllegalArgumentException} naming {@code name}, the
   * line number and the fix.
   */
  public static Map<String, BigDecimal> read(Reader in, String name) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    String[] lines = text(in, name).split("\r?\n");
    if (lines.length > MAX_LINES) {
      throw tooLarge(name);
    }
    for (int n = 1; n <= lines.length; n++) {
      String line = lines[n - 1];
      if (n == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1); // saved by Excel with a BOM
      }
      String l = line.replaceFirst("#.*", "").strip();
      if (l.isEmpty() || (n == 1 && l.equalsIgnoreCase("code,points"))) {
        continue;
      }
      String[] p = l.split(",", -1);
      String where = name + ":" + n + ": ";
      if (p.length != 2 || !CODE.matcher(p[0].strip()).matches()) {
        throw new IllegalArgumentException(where + "expected code,points such as field/range,2"
            + " (扣分表每行为“规则编码,扣分”), not " + l);
      }
      BigDecimal points;
      try {
        points = new BigDecimal(p[1].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(where + "points must be a number such as 0.5, not "
            + p[1].strip());
      }
      if (points.scale() > 2 || points.signum() < 0 || points.compareTo(MAX_POINTS) > 0) {
        throw new IllegalArgumentException(where + "points must be 0 to 100 with at most two "
            + "decimals (扣分应为 0 到 100，最多两位小数), not " + p[1].strip());
      }
      if (out.put(p[0].strip(), points) != null) {
        throw new IllegalArgumentException(where + p[0].strip() + " is listed twice");
      }
    }
    return out;
  }

  /** The whole table, read no further than a buffer past the bound. */
  private static String text(Reader in, String name) {
    StringBuilder b = new StringBuilder();
    char[] buf = new char[8192];
    try (in) {
      for (int r; (r = in.read(buf)) != -1; ) {
        b.append(buf, 0, r);
        if (b.length() > MAX_CHARS) {
          throw tooLarge(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
    return b.toString();
  }

  private static IllegalArgumentException tooLarge(String name) {
    return new IllegalArgumentException(name + ": more than " + MAX_LINES + " lines or "
        + MAX_CHARS + " characters");
  }
}

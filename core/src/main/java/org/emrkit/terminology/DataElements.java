package org.emrkit.terminology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Names of the common data elements (WS 363 / WS 445) EMRKit knows, from the shipped reference
 * table {@code data-elements.csv}: {@code DE04.10.186.00} → 体温 / body temperature. Used to name
 * fields in messages. Immutable and thread-safe.
 */
public final class DataElements {

  /** A data element's names. @param zh Chinese name @param en English name */
  public record Names(String zh, String en) {}

  /**
   * A data element as the reference table gives it.
   *
   * @param id the four-part id ({@code DE04.10.186.00})
   * @param names its names, the Chinese one without the unit in brackets
   * @param type the WS 363 data type: {@code S1} text, {@code S2} enumerated, {@code S3} code,
   *     {@code L} boolean, {@code N} number, {@code D} date, {@code DT} date and time, {@code T}
   *     time, {@code BY} binary
   * @param unit the unit the standard measures it in ({@code ℃}, {@code 次/min}), or {@code null}
   */
  public record Element(String id, Names names, String type, String unit) {}

  private static final java.util.regex.Pattern UNIT =
      java.util.regex.Pattern.compile("\\(([^()]*)\\)$");
  private static final Map<String, Element> ELEMENTS = load();

  private DataElements() {}

  /** The names of a data element (or of its four-part root), if the reference table has it. */
  public static Optional<Names> names(String id) {
    return element(id).map(Element::names);
  }

  /** A data element (or its four-part root), if the reference table has it. */
  public static Optional<Element> element(String id) {
    return Optional.ofNullable(id == null ? null
        : ELEMENTS.getOrDefault(id, ELEMENTS.get(root(id))));
  }

  /**
   * The four-part WS 363 root of a data-element id: {@code DE02.01.039.00.178} →
   * {@code DE02.01.039.00} (real templates use finer ids; rules look for the root); an id that
   * is already four parts, or {@code null}, is returned as it is.
   */
  public static String root(String id) {
    if (id == null) {
      return null;
    }
    int dots = 0;
    for (int i = 0; i < id.length(); i++) {
      if (id.charAt(i) == '.' && ++dots == 4) {
        return id.substring(0, i);
      }
    }
    return id;
  }

  /**
   * Whether {@code root(id)} is {@code root}, without making the root: {@code DE04.01.119.00.01}
   * and {@code DE04.01.119.00} are under {@code DE04.01.119.00}; {@code null} is under nothing.
   */
  public static boolean hasRoot(String id, String root) {
    if (id == null || !id.startsWith(root)) {
      return false;
    }
    int dots = 0;
    for (int i = 0; i < root.length(); i++) {
      dots += root.charAt(i) == '.' ? 1 : 0;
    }
    return dots < 4 && (id.length() == root.length()
        || dots == 3 && id.charAt(root.length()) == '.');
  }

  private static Map<String, Element> load() {
    Map<String, Element> m = new HashMap<>();
    try (InputStream in = DataElements.class.getResourceAsStream("data-elements.csv")) {
      if (in == null) {
        throw new IllegalStateException("data-elements.csv is missing from emrkit-core");
      }
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        String[] p = lines[i].split(",", -1);
        if (p.length >= 4) {
          // a number's unit is in brackets after its name: 体温(℃) → 体温, ℃
          java.util.regex.Matcher u = UNIT.matcher(p[1]);
          String unit = p[3].equals("N") && u.find() ? u.group(1) : null;
          m.put(p[0], new Element(p[0], new Names(UNIT.matcher(p[1]).replaceAll(""), p[2]),
              p[3], unit));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(m);
  }
}

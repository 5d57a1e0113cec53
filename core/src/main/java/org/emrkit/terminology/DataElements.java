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

  private static final Map<String, Names> NAMES = load();

  private DataElements() {}

  /** The names of a data element, if the reference table has it. */
  public static Optional<Names> names(String id) {
    return Optional.ofNullable(id == null ? null : NAMES.get(id));
  }

  private static Map<String, Names> load() {
    Map<String, Names> m = new HashMap<>();
    try (InputStream in = DataElements.class.getResourceAsStream("data-elements.csv")) {
      if (in == null) {
        throw new IllegalStateException("data-elements.csv is missing from emrkit-core");
      }
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        String[] p = lines[i].split(",", -1);
        if (p.length >= 3) {
          // drop the unit in brackets: 体温(℃) → 体温
          m.put(p[0], new Names(p[1].replaceAll("\\(.*\\)$", ""), p[2]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(m);
  }
}

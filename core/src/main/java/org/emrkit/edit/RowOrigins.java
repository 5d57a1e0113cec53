package org.emrkit.edit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where each row of a posted form came from: for a repeating table or repeat group, by its
 * pointer in the posted values ({@code /nursingRows}, {@code /operations/1/staff}), the index
 * each posted row had in the record the form was opened on, or {@code null} for a row added in
 * the form. The edit form knows this and the values alone do not: a sheet whose second row was
 * taken out and whose first was corrected posts rows that could be read as "rows 2 and 3
 * changed into the next and the last removed", which moves signatures onto rows they never
 * signed. With the origins, {@link EditSession#apply(Values, RowOrigins, String)} removes,
 * moves and adds exactly the rows the clinician did ({@code EmrKit.rows(form)} in the browser;
 * a group the origins leave out is matched by position, a single row taken out with every
 * other unchanged recognised as that row removed).
 */
public final class RowOrigins {

  /** No origins: every group matched by position. */
  public static final RowOrigins NONE = new RowOrigins(Map.of());

  /** At most this many groups, and rows per group, are accepted (a form is bounded too). */
  public static final int MAX = 10_000;

  private final Map<String, List<Integer>> byGroup;

  private RowOrigins(Map<String, List<Integer>> byGroup) {
    this.byGroup = byGroup;
  }

  /**
   * Origins by group pointer; each list holds an old index or {@code null} per posted row.
   *
   * @throws IllegalArgumentException for a pointer that does not start with {@code /}, or more
   *     than {@link #MAX} groups or rows in a group
   */
  public static RowOrigins of(Map<String, ? extends List<Integer>> byGroup) {
    Objects.requireNonNull(byGroup, "byGroup");
    if (byGroup.size() > MAX) {
      throw new IllegalArgumentException("more than " + MAX + " groups");
    }
    Map<String, List<Integer>> copy = new LinkedHashMap<>();
    byGroup.forEach((k, v) -> {
      if (k == null || !k.startsWith("/")) {
        throw new IllegalArgumentException("not a pointer: " + k);
      }
      if (Objects.requireNonNull(v, k).size() > MAX) {
        throw new IllegalArgumentException(k + " lists more than " + MAX + " rows");
      }
      copy.put(k, Collections.unmodifiableList(new ArrayList<>(v)));
    });
    return new RowOrigins(Collections.unmodifiableMap(copy));
  }

  /** The origins of the rows posted at {@code group}, if given. */
  public Optional<List<Integer>> of(String group) {
    return Optional.ofNullable(byGroup.get(group));
  }

  /** Every group given. */
  public Map<String, List<Integer>> asMap() {
    return byGroup;
  }

  @Override
  public String toString() {
    return byGroup.toString();
  }
}

package org.emrkit.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An enumerated value set defined in a template (template DSL §4), e.g. GB/T 2261.1 sex codes.
 *
 * @param id the id fields refer to with {@code valueset=@id}
 * @param system the code system name (e.g. {@code GB/T2261.1}), or {@code null}
 * @param concepts the entries in order; codes unique; at least one
 */
public record ValueSet(String id, String system, List<Concept> concepts) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final Pattern SYSTEM = Pattern.compile("\\S{1,100}");

  /** Checks the id, the system and that codes are unique. */
  public ValueSet {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("bad value-set id \"" + id + "\"");
    }
    if (system != null && !SYSTEM.matcher(system).matches()) {
      throw new IllegalArgumentException("bad code system \"" + system + "\" of value set " + id);
    }
    concepts = List.copyOf(concepts);
    if (concepts.isEmpty()) {
      throw new IllegalArgumentException("value set " + id + " has no entries");
    }
    Set<String> codes = new HashSet<>();
    for (Concept c : concepts) {
      if (!codes.add(c.code())) {
        throw new IllegalArgumentException("value set " + id + " has code " + c.code() + " twice");
      }
    }
  }

  /**
   * A value set from alternating codes and display texts: {@code of("sex", "GB/T2261.1",
   * "1", "男", "2", "女")}.
   */
  public static ValueSet of(String id, String system, String... codesAndDisplays) {
    if (codesAndDisplays.length % 2 != 0) {
      throw new IllegalArgumentException("codes and display texts must come in pairs");
    }
    List<Concept> list = new ArrayList<>();
    for (int i = 0; i < codesAndDisplays.length; i += 2) {
      list.add(new Concept(codesAndDisplays[i], codesAndDisplays[i + 1]));
    }
    return new ValueSet(id, system, list);
  }

  /** The entry with this code, if any. */
  public Optional<Concept> find(String code) {
    return concepts.stream().filter(c -> c.code().equals(code)).findFirst();
  }
}

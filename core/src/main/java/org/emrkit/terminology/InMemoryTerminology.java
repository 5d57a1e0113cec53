package org.emrkit.terminology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.emrkit.template.Concept;
import org.emrkit.template.ValueSet;

/**
 * Value sets held in memory: from templates' value sets or from CSV files ({@code code,display}
 * per line, an optional header line {@code code,display}). Immutable and thread-safe once built.
 */
public final class InMemoryTerminology implements TerminologyService {

  private final Map<String, Map<String, Concept>> sets;

  private InMemoryTerminology(Map<String, Map<String, Concept>> sets) {
    this.sets = sets;
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean knows(String valueSetId) {
    return sets.containsKey(valueSetId);
  }

  @Override
  public Optional<Concept> lookup(String valueSetId, String code) {
    Map<String, Concept> set = sets.get(valueSetId);
    return set == null ? Optional.empty() : Optional.ofNullable(set.get(code));
  }

  @Override
  public List<Concept> search(String valueSetId, String prefix, int limit) {
    List<Concept> out = new ArrayList<>();
    Map<String, Concept> set = sets.get(valueSetId);
    if (set == null) {
      return out;
    }
    for (Concept c : set.values()) {
      if (out.size() >= limit) {
        break;
      }
      if (c.code().startsWith(prefix) || c.display().startsWith(prefix)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Collects value sets. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Map<String, Concept>> sets = new LinkedHashMap<>();

    private Builder() {}

    /** Adds a template value set under its id. */
    public Builder add(ValueSet valueSet) {
      Map<String, Concept> m = sets.computeIfAbsent(valueSet.id(), k -> new LinkedHashMap<>());
      valueSet.concepts().forEach(c -> m.put(c.code(), c));
      return this;
    }

    /**
     * Adds a CSV table ({@code code,display} per line) as value set {@code id}. A line that is
     * not of that form is an {@link IllegalArgumentException} naming the line.
     */
    public Builder addCsv(String id, Reader csv) {
      Objects.requireNonNull(id, "id");
      Map<String, Concept> m = sets.computeIfAbsent(id, k -> new LinkedHashMap<>());
      try (BufferedReader r = new BufferedReader(csv)) {
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
          n++;
          if (line.isBlank() || (n == 1 && line.strip().equalsIgnoreCase("code,display"))) {
            continue;
          }
          int comma = line.indexOf(',');
          if (comma <= 0 || comma == line.length() - 1) {
            throw new IllegalArgumentException("line " + n + " of value set " + id
                + " is not \"code,display\": " + line);
          }
          String code = line.substring(0, comma).strip();
          m.put(code, new Concept(code, line.substring(comma + 1).strip()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read value set " + id, e);
      }
      return this;
    }

    /** The service. */
    public InMemoryTerminology build() {
      Map<String, Map<String, Concept>> copy = new LinkedHashMap<>();
      sets.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableMap(
          new LinkedHashMap<>(v))));
      return new InMemoryTerminology(java.util.Collections.unmodifiableMap(copy));
    }
  }
}

package org.emrkit.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names one scope of a template defines, as a record's {@code values} object holds them: the
 * template's own fields, and for each repeat group and repeating table a nested scope whose
 * entries the record holds as a list. Computed from a template by {@link Template#scope()}.
 *
 * @param id the group or table id, or {@code null} for the template's root scope
 * @param min least number of entries (0 for the root)
 * @param max most entries, or {@code null}
 * @param fields the fields of this scope by name, in template order
 * @param groups the nested list scopes by id, in template order
 */
public record FieldScope(String id, int min, Integer max, Map<String, Field> fields,
    Map<String, FieldScope> groups) {

  /** Copies the maps, keeping their order. */
  public FieldScope {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
  }

  /** The field of this name in this scope. */
  public Optional<Field> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /**
   * The field a value pointer's tokens name, read from this scope: {@code [name]}, or a group,
   * an entry's index and on ({@code [diagnoses, 0, diagnosis]}); empty when they name no field.
   */
  public Optional<Field> fieldAt(java.util.List<String> tokens) {
    FieldScope scope = this;
    for (int k = 0; k < tokens.size(); k++) {
      String name = tokens.get(k);
      if (k == tokens.size() - 1) {
        return scope.field(name);
      }
      Optional<FieldScope> g = scope.group(name);
      if (g.isEmpty() || k + 1 == tokens.size() - 1) {
        return Optional.empty();
      }
      scope = g.get();
      k++;
    }
    return Optional.empty();
  }

  /** The nested list scope of this id. */
  public Optional<FieldScope> group(String groupId) {
    return Optional.ofNullable(groups.get(groupId));
  }
}

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

  /** The nested list scope of this id. */
  public Optional<FieldScope> group(String groupId) {
    return Optional.ofNullable(groups.get(groupId));
  }
}

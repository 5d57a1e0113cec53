package org.emrkit.json;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.emrkit.template.Template;

/** Finds the template a record names, e.g. from the host's template store. */
@FunctionalInterface
public interface TemplateResolver {

  /** The template with this id and version, if known. */
  Optional<Template> resolve(String id, String version);

  /**
   * The first two of these templates, each by where it came from (in the order given), that
   * have one id and version and differ, as {@code "A and B are both id@version"}; empty when
   * none do. A record names its template by id and version alone: which of the two it meant is
   * unknown, and {@link #of} would take the first without a word. The same template twice (its
   * source and its compiled JSON) is one.
   */
  static Optional<String> clash(Map<String, Template> bySource) {
    Map<String, Map.Entry<String, Template>> first = new HashMap<>();
    for (Map.Entry<String, Template> e : bySource.entrySet()) {
      Template t = e.getValue();
      String key = t.id() + "@" + t.version();
      Map.Entry<String, Template> before = first.putIfAbsent(key, e);
      if (before != null && !before.getValue().equals(t)) {
        return Optional.of(before.getKey() + " and " + e.getKey() + " are both " + key);
      }
    }
    return Optional.empty();
  }

  /** A resolver that knows exactly these templates. */
  static TemplateResolver of(Template... templates) {
    return (id, version) -> {
      for (Template t : templates) {
        if (t.id().equals(id) && t.version().equals(version)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    };
  }
}

package org.emrkit.json;

import java.util.Optional;
import org.emrkit.template.Template;

/** Finds the template a record names, e.g. from the host's template store. */
@FunctionalInterface
public interface TemplateResolver {

  /** The template with this id and version, if known. */
  Optional<Template> resolve(String id, String version);

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

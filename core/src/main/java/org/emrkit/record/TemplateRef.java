package org.emrkit.record;

import java.util.Objects;
import org.emrkit.template.Template;

/**
 * Which template (id and version) a record was filled from.
 *
 * @param id template id
 * @param version template version
 */
public record TemplateRef(String id, String version) {

  /** Checks both parts. */
  public TemplateRef {
    Checks.line(id, "template id", 100);
    Checks.line(version, "template version", 60);
  }

  /** The reference to this template. */
  public static TemplateRef of(Template template) {
    Objects.requireNonNull(template, "template");
    return new TemplateRef(template.id(), template.version());
  }

  /** Whether the template is the one referred to. */
  public boolean matches(Template template) {
    return template.id().equals(id) && template.version().equals(version);
  }

  @Override
  public String toString() {
    return id + "@" + version;
  }
}

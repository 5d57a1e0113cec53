package org.emrkit.validation;

import org.emrkit.template.Template;

/**
 * A rule over a template alone, for template authors ({@link Validator#checkTemplate}).
 * Implementations are stateless and thread-safe.
 */
public non-sealed interface TemplateRule extends Rule {

  /** Checks the template; paths are JSON pointers into the template JSON. */
  void check(Template template, Reporter reporter);
}

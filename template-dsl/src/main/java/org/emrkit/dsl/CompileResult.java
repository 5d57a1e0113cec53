package org.emrkit.dsl;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.emrkit.template.Template;

/**
 * What the compiler made of one file: the template, present exactly when there was no error,
 * and every diagnostic (errors and warnings) in source order.
 *
 * @param template the template, or {@code null} when there were errors
 * @param diagnostics all diagnostics, in line and column order
 */
public record CompileResult(Template template, List<Diagnostic> diagnostics) {

  /** Copies the list and checks that a template comes only without errors. */
  public CompileResult {
    diagnostics = List.copyOf(diagnostics);
    if (template != null && diagnostics.stream().anyMatch(Diagnostic::isError)) {
      throw new IllegalArgumentException("a template must not come with errors");
    }
  }

  /** The template, if the file compiled. */
  public Optional<Template> get() {
    return Optional.ofNullable(template);
  }

  /** Whether there was an error. */
  public boolean hasErrors() {
    return template == null;
  }

  /** The errors only. */
  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  /** The template, or a {@link TemplateCompileException} listing the diagnostics. */
  public Template orElseThrow() {
    if (template == null) {
      throw new TemplateCompileException(diagnostics);
    }
    return template;
  }

  /** One line per diagnostic, {@code file:line:column: severity code: message}. */
  public String report() {
    return diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
  }
}

package org.emrkit.docx;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.emrkit.dsl.TemplateDecompiler;
import org.emrkit.problem.Severity;
import org.emrkit.template.Template;

/**
 * What importing a Word form gave: the template (absent when an error stopped it) and every
 * diagnostic, in document order.
 *
 * @param template the template, or {@code null}
 * @param diagnostics the diagnostics
 */
public record ImportResult(Template template, List<ImportDiagnostic> diagnostics) {

  /** Copies the list. */
  public ImportResult {
    diagnostics = List.copyOf(diagnostics);
  }

  /** The template, if there is one. */
  public Optional<Template> get() {
    return Optional.ofNullable(template);
  }

  /** Whether an error stopped the import. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  /** The template, or an exception listing the errors. */
  public Template orElseThrow() {
    if (template == null) {
      throw new IllegalStateException("the Word form could not be imported:\n" + report());
    }
    return template;
  }

  /** The template as EMR Markdown for its author to refine (empty when there is none). */
  public String markdown() {
    return template == null ? "" : TemplateDecompiler.decompile(template);
  }

  /** One diagnostic per line. */
  public String report() {
    return diagnostics.stream().map(ImportDiagnostic::toString)
        .collect(Collectors.joining("\n"));
  }
}

package org.emrkit.dsl;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link CompileResult#orElseThrow()} for a file that did not compile. */
public final class TemplateCompileException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  TemplateCompileException(List<Diagnostic> diagnostics) {
    super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** The diagnostics of the failed compilation. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}

package org.emrkit.docx;

import java.util.List;
import org.emrkit.problem.Severity;

/** Where the importer's diagnostics go: one file's list, in document order. */
final class Findings {

  private final String file;
  private final List<ImportDiagnostic> diagnostics;

  Findings(String file, List<ImportDiagnostic> diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  void warn(String at, String code, String zh, String en) {
    diagnostics.add(new ImportDiagnostic(file, at, Severity.WARNING, code, zh, en));
  }

  void info(String at, String code, String zh, String en) {
    diagnostics.add(new ImportDiagnostic(file, at, Severity.INFO, code, zh, en));
  }

  void error(String at, String code, String zh, String en) {
    diagnostics.add(new ImportDiagnostic(file, at, Severity.ERROR, code, zh, en));
  }
}

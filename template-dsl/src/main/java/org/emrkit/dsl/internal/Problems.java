package org.emrkit.dsl.internal;

import java.util.ArrayList;
import java.util.List;
import org.emrkit.dsl.Diagnostic;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;

/** Collects diagnostics, up to a limit, with positions taken from offsets into the source. */
final class Problems {
  private final Source source;
  private final int limit;
  private final List<Diagnostic> list = new ArrayList<>();
  private boolean errors;
  private boolean full;
  private int reported;
  /** The names expressions read, with their offsets in the source: checked once all are known. */
  final List<org.emrkit.expr.ExpressionEngine.Name> names = new ArrayList<>();

  Problems(Source source, int limit) {
    this.source = source;
    this.limit = limit;
  }

  void error(int offset, String code, String zh, String en) {
    add(offset, Severity.ERROR, code, zh, en);
  }

  void warning(int offset, String code, String zh, String en) {
    add(offset, Severity.WARNING, code, zh, en);
  }

  private void add(int offset, Severity severity, String code, String zh, String en) {
    reported++;
    if (severity == Severity.ERROR) {
      errors = true;
    }
    if (full) {
      // the cut-off note is an error exactly when some problem, listed or not, is one
      Diagnostic note = list.get(list.size() - 1);
      if (errors && !note.isError()) {
        list.set(list.size() - 1, new Diagnostic(note.file(), note.line(), note.column(),
            Severity.ERROR, note.code(), note.message()));
      }
      return;
    }
    if (list.size() == limit) {
      full = true;
      list.add(new Diagnostic(source.file, source.line(offset), source.column(offset),
          errors ? Severity.ERROR : Severity.WARNING, "dsl/too-many-problems",
          new Message("问题过多，仅列出前" + limit + "个", "too many problems; only the first "
              + limit + " are listed")));
      return;
    }
    list.add(new Diagnostic(source.file, source.line(offset), source.column(offset), severity,
        code, new Message(zh, en)));
  }

  /** How many problems have been reported (listed or not). */
  int reported() {
    return reported;
  }

  boolean hasErrors() {
    return errors;
  }

  boolean isFull() {
    return full;
  }

  List<Diagnostic> list() {
    List<Diagnostic> sorted = new ArrayList<>(list);
    sorted.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
        : Integer.compare(a.column(), b.column()));
    return sorted;
  }
}

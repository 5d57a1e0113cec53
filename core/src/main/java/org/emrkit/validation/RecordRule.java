package org.emrkit.validation;

/** A rule over one record and its template. Implementations are stateless and thread-safe. */
public non-sealed interface RecordRule extends Rule {

  /** Checks the record, reporting each problem. */
  void check(RecordContext context, Reporter reporter);
}

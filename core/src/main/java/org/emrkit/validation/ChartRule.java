package org.emrkit.validation;

/** A rule over all records of one encounter. Implementations are stateless and thread-safe. */
public non-sealed interface ChartRule extends Rule {

  /** Checks the chart, reporting each problem (paths are prefixed by the record's id). */
  void check(ChartContext context, Reporter reporter);
}

package org.emrkit.validation;

import java.time.Clock;
import java.util.List;
import org.emrkit.record.Chart;

/**
 * What a chart rule sees: the chart and one {@link RecordContext} per record, in chart order.
 * Paths of chart findings point into {@code {"records": [...]}}: {@code /records/2/completedAt}.
 *
 * @param chart the chart
 * @param records a context for each record, in the chart's order
 * @param clock the validator's clock
 */
public record ChartContext(Chart chart, List<RecordContext> records, Clock clock) {

  /** Copies the list. */
  public ChartContext {
    records = List.copyOf(records);
  }

  /** The indexes of the records whose template has this document type. */
  public List<Integer> ofType(String documentType) {
    java.util.List<Integer> out = new java.util.ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      if (documentType.equals(records.get(i).template().documentType())) {
        out.add(i);
      }
    }
    return out;
  }
}

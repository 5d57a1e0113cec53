package org.emrkit.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.emrkit.template.Template;

/**
 * All records of one encounter (one 住院病历), each with the template it was filled from, for
 * the checks that span records (first progress note within 8 h, progress-note gaps, the first
 * attending round...).
 *
 * @param entries the records with their templates
 */
public record Chart(List<Entry> entries) {

  /**
   * One record of the chart with its template.
   *
   * @param template the template the record was filled from
   * @param record the record
   */
  public record Entry(Template template, Record record) {
    /** Checks that the record names the template. */
    public Entry {
      Objects.requireNonNull(template, "template");
      Objects.requireNonNull(record, "record");
      if (!record.template().matches(template)) {
        throw new IllegalArgumentException("record " + record.id() + " names template "
            + record.template() + ", not " + template.reference());
      }
    }
  }

  /** Checks that the records belong to one encounter (where they name one). */
  public Chart {
    entries = List.copyOf(entries);
    String encounterId = null;
    for (Entry e : entries) {
      String id = e.record().context().encounter().id();
      if (id == null) {
        continue;
      }
      if (encounterId != null && !encounterId.equals(id)) {
        throw new IllegalArgumentException("chart mixes encounters " + encounterId + " and " + id
            + " (record " + e.record().id() + ")");
      }
      encounterId = id;
    }
  }

  /** The entries whose template has this document type. */
  public List<Entry> ofType(String documentType) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries) {
      if (documentType.equals(e.template().documentType())) {
        out.add(e);
      }
    }
    return out;
  }
}

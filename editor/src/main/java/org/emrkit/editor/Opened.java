package org.emrkit.editor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrkit.edit.Audit;
import org.emrkit.json.JsonText;
import org.emrkit.record.Record;
import org.emrkit.template.Template;
import org.emrkit.validation.ValidationReport;

/**
 * A record opened for an actor.
 *
 * @param template the record's template
 * @param record the record as stored
 * @param head the trace head the page is drawn from; a save names it, and is refused as stale
 *     if the record moved on ({@code ""} for a record without a trace)
 * @param form the edit form's HTML (an element, for the host's page)
 * @param report the validation report
 * @param audit the trace audit: whether the record is what its trace says
 * @param readOnly whether nothing in it may be changed (archived, or nothing the actor may
 *     change)
 * @param editable the paths ({@code /values/...}) the actor may change now, each with what lies
 *     under it; {@code /values/G/+N}: entries of group G from index N on (new ones)
 * @param amend those of them that are signed content: a change needs a reason
 * @param actions what the page offers the actor: {@code save}, {@code sign}, {@code archive}
 *     (each decided again when asked for)
 */
public record Opened(Template template, Record record, String head, String form,
    ValidationReport report, Audit audit, boolean readOnly, List<String> editable,
    List<String> amend, List<String> actions) {

  /** Copies the lists. */
  public Opened {
    editable = List.copyOf(editable);
    amend = List.copyOf(amend);
    actions = List.copyOf(actions);
  }

  /**
   * The options for the page's {@code EmrKit.mount(host, options)} as JSON: readOnly,
   * editable, amend, and the report's findings ({@code path, severity, code, message: {zh,
   * en}}), each shown at its field.
   */
  public String editorOptions() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("readOnly", readOnly);
    m.put("editable", editable);
    m.put("amend", amend);
    m.put("report", Outcome.findings(report));
    return JsonText.pretty(m);
  }
}

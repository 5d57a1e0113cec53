package org.emrkit.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.emrkit.validation.Finding;
import org.emrkit.validation.ValidationReport;

/**
 * Writes a {@link ValidationReport} as JSON: {@code {"score", "grade", "findings": [{"code",
 * "severity", "path", "message": {"zh", "en"}, "deduction", "veto"}]}}. Stateless, thread-safe,
 * byte-stable.
 */
public final class ReportJson {

  private ReportJson() {}

  /** The report as pretty JSON text ending in a newline. */
  public static String write(ValidationReport report) {
    Objects.requireNonNull(report, "report");
    ObjectNode o = Json.NODES.objectNode();
    o.put("score", report.score());
    o.put("grade", report.grade().label());
    ArrayNode findings = o.putArray("findings");
    for (Finding f : report.findings()) {
      ObjectNode n = findings.addObject();
      n.put("code", f.code());
      n.put("severity", f.severity().label());
      n.put("path", f.path());
      ObjectNode m = n.putObject("message");
      m.put("zh", f.message().zh());
      m.put("en", f.message().en());
      n.put("deduction", f.deduction());
      n.put("veto", f.veto());
    }
    return Json.pretty(o);
  }
}

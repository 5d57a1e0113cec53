package org.emrkit.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.emrkit.json.JsonText;

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
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("score", report.score());
    o.put("grade", report.grade().label());
    List<Object> findings = new ArrayList<>();
    for (Finding f : report.findings()) {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("code", f.code());
      n.put("severity", f.severity().label());
      n.put("path", f.path());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("zh", f.message().zh());
      m.put("en", f.message().en());
      n.put("message", m);
      n.put("deduction", f.deduction());
      n.put("veto", f.veto());
      findings.add(n);
    }
    o.put("findings", findings);
    return JsonText.pretty(o);
  }
}

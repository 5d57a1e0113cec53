package org.emrkit.editor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrkit.json.JsonText;
import org.emrkit.problem.Message;
import org.emrkit.validation.Finding;
import org.emrkit.validation.ValidationReport;

/**
 * What became of a save, a signature or an archiving.
 *
 * @param applied whether the record changed
 * @param code why not ({@code edit/...}, {@code request/...}), or {@code null}
 * @param message why not, in both languages, or {@code null}
 * @param problems the posted values' problems, each "label: message" in the clinician's words
 * @param head the record's trace head after the request
 * @param report the record's validation report after an applied change, or {@code null}
 * @param saved what the change wrote in the trace, as people read it (empty when refused)
 */
public record Outcome(boolean applied, String code, Message message, List<String> problems,
    String head, ValidationReport report, List<TraceView> saved) {

  /** Copies the lists. */
  public Outcome {
    problems = List.copyOf(problems);
    saved = List.copyOf(saved);
  }

  static Outcome done(String head, ValidationReport report, List<TraceView> saved) {
    return new Outcome(true, null, null, List.of(), head, report, saved);
  }

  static Outcome refused(String code, Message message, String head) {
    return new Outcome(false, code, message, List.of(), head, null, List.of());
  }

  static Outcome refused(String code, Message message, List<String> problems) {
    return new Outcome(false, code, message, problems, null, null, List.of());
  }

  /** This outcome, refused ones naming the head the request was made against. */
  Outcome at(String head) {
    return new Outcome(applied, code, message, problems, head, report, saved);
  }

  /**
   * The outcome as the JSON a page reads: applied, code, zh, en, problems, head, and after a
   * change its findings (as {@link Opened#editorOptions()} gives them) and the saves it made.
   */
  public String json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("applied", applied);
    if (code != null) {
      m.put("code", code);
      m.put("zh", message.zh());
      m.put("en", message.en());
    }
    if (!problems.isEmpty()) {
      m.put("problems", problems);
    }
    m.put("head", head);
    if (report != null) {
      m.put("grade", report.grade().label());
      m.put("score", report.score());
      m.put("findings", findings(report));
    }
    if (!saved.isEmpty()) {
      m.put("saved", saved.stream().map(Outcome::save).toList());
    }
    return JsonText.pretty(m);
  }

  static List<Map<String, Object>> findings(ValidationReport report) {
    return report.findings().stream().map(Outcome::finding).toList();
  }

  private static Map<String, Object> finding(Finding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", f.path());
    m.put("severity", f.severity().label());
    m.put("code", f.code());
    m.put("message", Map.of("zh", f.message().zh(), "en", f.message().en()));
    return m;
  }

  private static Map<String, Object> save(TraceView t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("who", t.who());
    m.put("when", t.when());
    if (t.reason() != null) {
      m.put("reason", t.reason());
    }
    m.put("changes", t.changes().stream().map(TraceView.Change::line).toList());
    return m;
  }
}

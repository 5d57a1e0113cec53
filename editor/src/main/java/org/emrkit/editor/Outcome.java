package org.emrkit.editor;

import java.util.List;
import java.util.Map;
import org.emrkit.json.JsonText;
import org.emrkit.problem.Message;

/**
 * What became of a save, a signature or an archiving.
 *
 * @param applied whether the record changed
 * @param code why not ({@code edit/...}, {@code request/...}), or {@code null}
 * @param message why not, in both languages, or {@code null}
 * @param problems the posted values' problems, each "pointer code message"
 * @param head the record's trace head after the request
 */
public record Outcome(boolean applied, String code, Message message, List<String> problems,
    String head) {

  /** Copies the problem list. */
  public Outcome {
    problems = List.copyOf(problems);
  }

  static Outcome done(String head) {
    return new Outcome(true, null, null, List.of(), head);
  }

  static Outcome refused(String code, Message message, String head) {
    return new Outcome(false, code, message, List.of(), head);
  }

  /** The outcome as the JSON a page reads: applied, code, zh, en, problems, head. */
  public String json() {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
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
    return JsonText.pretty(m);
  }
}

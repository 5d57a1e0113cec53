package org.emrkit.editor;

import java.util.Base64;
import java.util.Map;
import org.emrkit.json.JsonText;
import org.emrkit.problem.Message;

/**
 * What became of a print (续打) through the editor: the outcome (the print is logged in the
 * record only when it was made), the PDF when it was, and what to tell the person printing
 * (which sheet to put back, which pages to print again).
 *
 * @param outcome whether the print was made and logged, and the record's head after it
 * @param pdf the PDF, or {@code null} when it was refused
 * @param notice what to tell the person printing, or {@code null}
 */
public record Printed(Outcome outcome, byte[] pdf, Message notice) {

  /** The print as the JSON a page reads: the outcome's members, {@code pdf} (base64), notice. */
  public String json() {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("applied", outcome.applied());
    if (outcome.code() != null) {
      m.put("code", outcome.code());
      m.put("zh", outcome.message().zh());
      m.put("en", outcome.message().en());
    }
    m.put("head", outcome.head());
    if (notice != null) {
      m.put("notice", Map.of("zh", notice.zh(), "en", notice.en()));
    }
    if (pdf != null) {
      m.put("pdf", Base64.getEncoder().encodeToString(pdf));
    }
    return JsonText.pretty(m);
  }
}

package org.emrkit.render.html.internal;

import org.emrkit.render.TracedText;

/**
 * Writes amendments in HTML: a field's 痕迹 inline (struck in red, put in underlined, who and
 * when after it, and on each piece who struck or put it in); the 修改记录 page is ordinary
 * content the walk writes.
 */
final class Traces {

  private Traces() {}

  /** A traced field's text, marked, with its note. */
  static void inline(Html out, String path, TracedText t) {
    out.raw("<span class=\"emr-value emr-traced\"").attr("data-emr-path", path)
        .attr("title", t.note()).raw(">");
    for (int i = 0; i < t.pieces().size(); i++) {
      TracedText.Piece p = t.pieces().get(i);
      String text = Html.escapeText(p.text()).replace("\n", "<br>");
      switch (p.mark()) {
        case KEPT -> out.raw(text);
        case STRUCK -> out.raw("<del class=\"emr-struck\"").attr("title", by(p)).raw(">")
            .raw(text).raw("</del>");
        case INSERTED -> out.raw("<ins class=\"emr-inserted\"").attr("title", by(p)).raw(">")
            .raw(text).raw("</ins>");
        default -> throw new IllegalStateException(p.mark().name());
      }
      String step = t.markAfter(i);
      if (!step.isEmpty()) {
        out.raw("<sup class=\"emr-trace-step\">").text(step).raw("</sup>");
      }
    }
    out.raw("<span class=\"emr-trace-note\">").text("〔" + t.note() + "〕").raw("</span></span>");
  }

  private static String by(TracedText.Piece p) {
    return p.who().isEmpty() ? null : p.who();
  }
}

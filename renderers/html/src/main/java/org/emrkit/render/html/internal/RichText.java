package org.emrkit.render.html.internal;

import java.util.List;

/**
 * Rich-text values to HTML through an allowlist: the runs of core's
 * {@link org.emrkit.record.RichText} (paragraphs, bold, italic, super- and subscript, line
 * breaks), the same the PDF and DOCX renderers print. Every run's text is escaped, so the only
 * markup in the output is the allowlisted tags this class writes.
 * Paragraphs are block {@code span}s, because a field stands inside the template's own
 * paragraph and HTML does not allow a {@code p} inside a {@code p}.
 */
public final class RichText {

  private RichText() {}

  /** The value as allowlisted HTML: paragraph spans with strong, em, sup, sub, br. */
  public static String toHtml(String value) {
    StringBuilder sb = new StringBuilder();
    for (List<org.emrkit.record.RichText.Run> paragraph : org.emrkit.record.RichText.parse(value)) {
      sb.append("<span class=\"emr-rich-p\">");
      for (org.emrkit.record.RichText.Run r : paragraph) {
        String text = Html.escapeText(r.text()).replace("\n", "<br>");
        String emphasis = r.bold() ? "strong" : r.italic() ? "em" : null;
        String script = r.script() > 0 ? "sup" : r.script() < 0 ? "sub" : null;
        if (script != null) {
          text = "<" + script + ">" + text + "</" + script + ">";
        }
        sb.append(emphasis == null ? text : "<" + emphasis + ">" + text + "</" + emphasis + ">");
      }
      sb.append("</span>");
    }
    return sb.toString();
  }
}

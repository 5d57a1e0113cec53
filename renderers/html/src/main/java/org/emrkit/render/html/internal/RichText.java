package org.emrkit.render.html.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rich-text values to HTML through an allowlist: paragraphs (blank lines), bold {@code **x**},
 * italic {@code *x*}, superscript {@code ^x^}, subscript {@code ~x~}, line breaks. Everything is
 * escaped first, so the only markup in the output is the allowlisted tags this class writes.
 * Paragraphs are block {@code span}s, because a field stands inside the template's own
 * paragraph and HTML does not allow a {@code p} inside a {@code p}.
 */
public final class RichText {

  private static final Pattern BOLD = Pattern.compile("\\*\\*([^*\\n]+?)\\*\\*");
  private static final Pattern ITALIC = Pattern.compile("\\*([^*\\n]+?)\\*");
  private static final Pattern SUP = Pattern.compile("\\^([^^\\n\\s]+?)\\^");
  private static final Pattern SUB = Pattern.compile("~([^~\\n\\s]+?)~");

  private RichText() {}

  /** The value as allowlisted HTML: paragraph spans with strong, em, sup, sub, br. */
  public static String toHtml(String value) {
    StringBuilder sb = new StringBuilder();
    for (String paragraph : value.strip().split("\\n\\s*\\n")) {
      String p = Html.escapeText(paragraph.strip());
      p = replace(BOLD, p, "strong");
      p = replace(ITALIC, p, "em");
      p = replace(SUP, p, "sup");
      p = replace(SUB, p, "sub");
      sb.append("<span class=\"emr-rich-p\">").append(p.replace("\n", "<br>")).append("</span>");
    }
    return sb.toString();
  }

  private static String replace(Pattern p, String s, String tag) {
    Matcher m = p.matcher(s);
    return m.replaceAll(r -> Matcher.quoteReplacement("<" + tag + ">" + r.group(1) + "</" + tag
        + ">"));
  }
}

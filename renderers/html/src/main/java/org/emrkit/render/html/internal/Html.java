package org.emrkit.render.html.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes HTML to an {@link Appendable}, escaping text and attribute values (package use). */
public final class Html {
  private final Appendable out;

  public Html(Appendable out) {
    this.out = out;
  }

  /** Raw markup we wrote ourselves. */
  public Html raw(String s) {
    try {
      out.append(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Text content, escaped ({@code & < >}). */
  public Html text(String s) {
    return raw(escapeText(s));
  }

  /** {@code name="value"} with the value escaped for an attribute; nothing for null. */
  public Html attr(String name, Object value) {
    if (value == null) {
      return this;
    }
    return raw(" ").raw(name).raw("=\"").raw(escapeAttribute(String.valueOf(value))).raw("\"");
  }

  /** A boolean attribute when {@code on}. */
  public Html flag(String name, boolean on) {
    return on ? raw(" ").raw(name) : this;
  }

  /**
   * Escapes text content; as text prints ({@link org.emrkit.record.ValueText#printable}): no
   * HTML page may hold a control character, a vertical tab or form feed is a line feed.
   */
  public static String escapeText(String s) {
    if (clean(s, false)) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '\u000B', '\u000C' -> sb.append('\n');
        default -> {
          if (!org.emrkit.record.ValueText.isControl(c)) {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** Escapes an attribute value (double-quoted). */
  public static String escapeAttribute(String s) {
    if (clean(s, true)) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Whether {@code s} has nothing to escape (most text has not: no copy is made of it). */
  private static boolean clean(String s, boolean attribute) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '&' || c == '<' || c == '>' || attribute && (c == '"' || c == '\'')
          || !attribute && org.emrkit.record.ValueText.isControl(c)) {
        return false;
      }
    }
    return true;
  }
}

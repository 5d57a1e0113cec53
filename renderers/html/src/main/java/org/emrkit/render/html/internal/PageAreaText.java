package org.emrkit.render.html.internal;

import org.emrkit.render.ParagraphView;
import org.emrkit.render.Run;
import org.emrkit.render.WalkTarget;
import org.emrkit.template.PageNumber;

/**
 * The running header or footer as a CSS {@code content} value for a page margin box: its text,
 * a line per paragraph, with the page number and count as {@code counter(page)} and
 * {@code counter(pages)}. Printed from a browser, every page then carries the header and
 * 第 N 页 / 共 M 页 (the in-flow header and footer are hidden in print).
 */
public final class PageAreaText implements WalkTarget {

  private final StringBuilder css = new StringBuilder();
  private final StringBuilder text = new StringBuilder();
  private boolean any;

  @Override
  public void paragraph(ParagraphView p) {
    if (any) {
      text.append('\n');
    }
    for (Run r : p.runs()) {
      if (r instanceof Run.TextRun t) {
        text.append(org.emrkit.record.ValueText.printable(t.text().text()));
      } else if (r instanceof Run.FieldRun f) {
        var v = f.field();
        if (v.text().isEmpty() && v.emptyText() != null) {
          text.append(v.emptyText());
        } else {
          String unit = v.unit();
          text.append(org.emrkit.record.ValueText.printable(v.text())).append(unit == null ? ""
              : org.emrkit.record.ValueText.unitSpace(unit) + unit);
        }
      } else if (r instanceof Run.Break) {
        text.append('\n');
      } else if (r instanceof Run.PageRun pr) {
        flush();
        css.append(pr.kind() == PageNumber.Kind.PAGE ? " counter(page)" : " counter(pages)");
      }
    }
    any = true;
  }

  @Override
  public void stamp(String stamp) {
    if (any) {
      text.append('\n');
    }
    text.append(stamp);
    any = true;
  }

  /** The {@code content} value, or {@code none} when the area is empty. */
  public String content() {
    flush();
    return css.length() == 0 ? "none" : css.toString().strip();
  }

  private void flush() {
    if (text.length() > 0) {
      css.append(" \"").append(quote(text.toString())).append('"');
      text.setLength(0);
    }
  }

  /** A CSS string's content: backslash, quote and line ends escaped, no markup possible. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' || c == '"') {
        b.append('\\').append(c);
      } else if (c == '\n') {
        b.append("\\A ");
      } else if (c < 0x20 || c == '<' || c == '>') {
        b.append('\\').append(Integer.toHexString(c)).append(' ');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}

package org.emrkit.render.pdf.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrkit.render.BannerItem;
import org.emrkit.render.ParagraphView;
import org.emrkit.render.Run;
import org.emrkit.render.SectionView;
import org.emrkit.render.WalkTarget;

/**
 * Finds the characters no font of a rendering has, with where they are (a field's JSON pointer,
 * {@code /context} for the banner, {@code template} for the template's own text), before
 * anything is laid out: OpenPDF would silently drop them.
 */
public final class FontCheck implements WalkTarget {

  private final Styles styles;
  private final Map<String, List<String>> missing = new LinkedHashMap<>();

  public FontCheck(Styles styles) {
    this.styles = styles;
  }

  /** Missing characters by where they are, in the order found. */
  public Map<String, List<String>> missing() {
    return missing;
  }

  /** Checks a text found at {@code where}. */
  public void check(String text, String where) {
    List<String> m = Fonts.missing(text, styles.allFonts());
    if (!m.isEmpty()) {
      List<String> list = missing.computeIfAbsent(where, k -> new ArrayList<>());
      m.stream().filter(c -> !list.contains(c)).forEach(list::add);
    }
  }

  @Override
  public void title(String title) {
    check(title, "template");
  }

  @Override
  public void banner(List<BannerItem> items) {
    for (BannerItem i : items) {
      check(i.value(), "/context");
    }
  }

  @Override
  public void startSection(SectionView s) {
    check(s.section().title(), "template");
  }

  @Override
  public void paragraph(ParagraphView p) {
    for (Run r : p.runs()) {
      if (r instanceof Run.TextRun t) {
        check(t.text().text(), "template");
      } else if (r instanceof Run.FieldRun f) {
        check(f.field().text(), f.field().path());
        // what 痕迹打印 prints besides: the struck text as signed, who amended it and when
        f.field().traced().ifPresent(t -> check(t.drawn() + t.note(), f.field().path()));
        if (f.field().field().unit() != null) {
          check(f.field().field().unit(), "template");
        }
      }
    }
  }

  @Override
  public void stamp(String text) {
    check(text, "/printedBy");
  }
}

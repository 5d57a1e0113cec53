package org.emrkit.render.pdf.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrkit.record.RichText;
import org.emrkit.render.BannerItem;
import org.emrkit.render.CellView;
import org.emrkit.render.FieldView;
import org.emrkit.render.ParagraphView;
import org.emrkit.render.Run;
import org.emrkit.render.SectionView;
import org.emrkit.render.WalkTarget;
import org.emrkit.template.FieldType;
import org.emrkit.template.TextStyle;

/**
 * Finds the characters no font of a rendering has, with where they are (a field's JSON pointer,
 * {@code /context} for the banner, {@code template} for the template's own text), before
 * anything is laid out: OpenPDF would silently drop them. Given {@link Glyphs}, it also notes
 * every character and whether it goes bold as {@link PdfTarget} sets it, for the document's
 * font subsets.
 */
public final class FontCheck implements WalkTarget {

  private final Styles styles;
  private final Map<String, List<String>> missing = new LinkedHashMap<>();
  private final Glyphs glyphs;
  /** Whether text goes bold where the walk is: a header cell of a bold-header table. */
  private boolean bold;
  /** Whether the walk is in the running header or footer, which is set in regular type. */
  private boolean area;

  /**
   * Tells the check that what it is walked over next is the running header or footer
   * ({@code true}: set in regular type throughout, as {@code PageEvents} draws it) or the body.
   */
  public void area(boolean inArea) {
    this.area = inArea;
  }

  /** A check that only checks. */
  public FontCheck(Styles styles) {
    this(styles, null);
  }

  /** A check that notes the characters it checks into {@code glyphs} ({@code null}: not). */
  public FontCheck(Styles styles, Glyphs glyphs) {
    this.styles = styles;
    this.glyphs = glyphs;
  }

  /** Missing characters by where they are, in the order found. */
  public Map<String, List<String>> missing() {
    return missing;
  }

  /** Checks a text found at {@code where}, set in regular type. */
  public void check(String text, String where) {
    check(text, where, false);
  }

  private void check(String text, String where, boolean isBold) {
    if (glyphs != null) {
      glyphs.add(text, isBold && !area);
    }
    List<String> m = Fonts.missing(text, styles.allFonts());
    if (!m.isEmpty()) {
      List<String> list = missing.computeIfAbsent(where, k -> new ArrayList<>());
      m.stream().filter(c -> !list.contains(c)).forEach(list::add);
    }
  }

  @Override
  public void title(String title) {
    check(title, "template", true);
  }

  @Override
  public void banner(List<BannerItem> items) {
    for (BannerItem i : items) {
      check(i.label() + "：　", "template");
      check(i.value(), "/context");
    }
  }

  @Override
  public void startSection(SectionView s) {
    // a run-in title comes again as the first run of the section's paragraph
    check(s.section().title(), "template", !s.section().runIn());
  }

  @Override
  public void startCell(CellView c) {
    bold = c.header() && c.table().style().boldHeader();
  }

  @Override
  public void endCell(CellView c) {
    bold = false;
  }

  @Override
  public void endMark(String text) {
    check(text, "template");
  }

  @Override
  public void paragraph(ParagraphView p) {
    for (Run r : p.runs()) {
      if (r instanceof Run.TextRun t) {
        check(t.text().text(), "template", bold || t.text().has(TextStyle.BOLD));
      } else if (r instanceof Run.FieldRun f) {
        field(f.field());
      }
    }
  }

  private void field(FieldView f) {
    String text = f.text();
    check(text, f.path());
    if (glyphs != null && !area && f.field().type() == FieldType.RICHTEXT && !text.isEmpty()) {
      // the whole text is noted as regular type above; its bold runs go bold too
      for (List<RichText.Run> paragraph : RichText.parse(text)) {
        for (RichText.Run run : paragraph) {
          if (run.bold()) {
            glyphs.add(run.text(), true);
          }
        }
      }
    }
    if (f.emptyText() != null) {
      check(f.emptyText(), "template");
    }
    // what 痕迹打印 prints besides: the struck text as signed, who amended it and when
    f.traced().ifPresent(t -> {
      check(t.drawn() + "〔" + t.note() + "〕", f.path());
      for (int i = 0; i < t.pieces().size(); i++) {
        check(t.markAfter(i), f.path());
      }
    });
    if (f.unit() != null) {
      check(f.unit(), "template");
    }
  }

  @Override
  public void stamp(String text) {
    check(text, "/printedBy");
  }
}

package org.emrkit.render.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.emrkit.problem.Message;
import org.emrkit.record.Record;
import org.emrkit.render.RecordRenderer;
import org.emrkit.render.RecordWalk;
import org.emrkit.render.RenderException;
import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;
import org.emrkit.render.pdf.internal.AreaTarget;
import org.emrkit.render.pdf.internal.Flow;
import org.emrkit.render.pdf.internal.FontCheck;
import org.emrkit.render.pdf.internal.Fonts;
import org.emrkit.render.pdf.internal.PageEvents;
import org.emrkit.render.pdf.internal.PdfA;
import org.emrkit.render.pdf.internal.PdfTarget;
import org.emrkit.render.pdf.internal.Styles;
import org.emrkit.template.PageSetup;
import org.emrkit.template.Template;

/**
 * Renders a record to PDF/A-2b with OpenPDF: title, patient banner, sections, values in place,
 * tables with row and column spans (nested to any depth, header rows repeated on every page,
 * rows split only when taller than a page), page size and margins from the template, running
 * header and footer (lines and tables, with 第 N 页 / 共 M 页), optional watermark, print stamp
 * and 以下空白 end mark, all as the shared {@link RecordWalk} resolves them. Chinese text uses Noto
 * Sans SC (TrueType, embedded as a subset) unless the host registers fonts, with DejaVu Sans for
 * the symbols it lacks; a character no font has is a {@link RenderException}
 * ({@code render/missing-glyph}) naming it and its field, before anything is written. Built
 * once with {@link #builder()}; immutable and thread-safe.
 */
public final class PdfRenderer implements RecordRenderer {

  private static final float MM = 72f / 25.4f;

  private final List<BaseFont> hostFonts;
  private final RenderOptions options;

  private PdfRenderer(Builder b) {
    this.hostFonts = List.copyOf(b.fonts);
    this.options = b.options;
  }

  /** A builder: Noto Sans SC, default options. */
  public static Builder builder() {
    return new Builder();
  }

  /** The options this renderer was built with. */
  public RenderOptions options() {
    return options;
  }

  /**
   * Renders the record to {@code out} (not closed) as PDF/A-2b. The same template, record and
   * clock give the same bytes. OpenPDF's output goes through a temporary file, so memory does not
   * grow with the page count.
   */
  @Override
  public void render(Template template, Record record, OutputStream out) {
    Objects.requireNonNull(out, "out");
    RecordWalk walk = RecordWalk.forRendering(template, record, options);
    File tmp = null;
    try {
      tmp = File.createTempFile("emrkit-", ".pdf");
      try (OutputStream raw = new BufferedOutputStream(new FileOutputStream(tmp))) {
        layout(template, walk, raw);
      }
      PdfA.convert(tmp, out, walk.documentTitle(), walk.author(),
          OffsetDateTime.now(options.clock()), template.reference() + "|" + record.id());
    } catch (IOException e) {
      throw new RenderException("render/io", "", Message.of("无法写出 PDF：" + e.getMessage(),
          "could not write the PDF: " + e.getMessage()), e);
    } finally {
      if (tmp != null && !tmp.delete()) {
        tmp.deleteOnExit();
      }
    }
  }

  /**
   * A validation rule ({@code render/glyph}) that finds, at their fields, the characters this
   * renderer's fonts cannot print: add it to a validator ({@code .rule(pdf.glyphRule())}) so a
   * record that would not print is a finding when it is checked, not an error when it is
   * archived.
   */
  public org.emrkit.validation.RecordRule glyphRule() {
    return new GlyphRule(styles(), options);
  }

  private Styles styles() {
    List<BaseFont> regular = new ArrayList<>(hostFonts);
    regular.add(Fonts.notoRegular());
    List<BaseFont> bold = new ArrayList<>(hostFonts);
    bold.add(0, Fonts.notoBold());
    return new Styles(regular, bold);
  }

  private void layout(Template template, RecordWalk walk, OutputStream out) {
    Styles styles = styles();
    checkFonts(walk, styles);
    AreaTarget header = new AreaTarget();
    walk.header(header);
    AreaTarget footer = new AreaTarget();
    walk.footer(footer);

    PageSetup page = template.page();
    float width = (float) (page.widthMm() - page.marginLeftMm() - page.marginRightMm()) * MM;
    float top = Math.max((float) page.marginTopMm() * MM + 14,
        PageEvents.height(styles, header.blocks(), width) + 10);
    float bottom = Math.max((float) page.marginBottomMm() * MM + 14, Styles.SMALL * 1.6f + 6
        + PageEvents.height(styles, footer.blocks(), width)
        + (walk.stamp().isPresent() ? Styles.SMALL * 1.4f : 0));
    Rectangle size = new Rectangle((float) page.widthMm() * MM, (float) page.heightMm() * MM);
    Document document = new Document(size, (float) page.marginLeftMm() * MM,
        (float) page.marginRightMm() * MM, top, bottom);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      writer.setCloseStream(false);
      writer.setPdfVersion(PdfWriter.VERSION_1_7);
      writer.setFullCompression();
      writer.setPageEvent(new PageEvents(styles, header.blocks(), footer.blocks(),
          walk.watermark().orElse(null), walk.stamp().orElse(null)));
      document.addTitle(walk.documentTitle());
      document.addAuthor(walk.author());
      document.addCreator("EMRKit");
      document.open();
      walk.body(new PdfTarget(new Flow(document, writer), styles, width));
      document.close();
    } catch (DocumentException e) {
      throw new RenderException("render/layout", "", Message.of(
          "OpenPDF 无法写出文档：" + e.getMessage(),
          "OpenPDF could not write the document: " + e.getMessage()), e);
    }
  }

  /** Refuses, before anything is written, a record with characters no font has. */
  private static void checkFonts(RecordWalk walk, Styles styles) {
    FontCheck check = new FontCheck(styles);
    walk.header(check);
    walk.body(check);
    walk.footer(check);
    if (check.missing().isEmpty()) {
      return;
    }
    StringBuilder zh = new StringBuilder("没有字体包含这些字符：");
    StringBuilder en = new StringBuilder("no font has these characters: ");
    String first = null;
    for (Map.Entry<String, List<String>> e : check.missing().entrySet()) {
      first = first == null ? e.getKey() : first;
      String chars = String.join("", e.getValue());
      String codes = Fonts.codePoints(e.getValue());
      zh.append(chars).append("（").append(codes).append("，位于 ").append(e.getKey())
          .append("）");
      en.append(chars).append(" (").append(codes).append(", at ").append(e.getKey())
          .append(") ");
    }
    throw new RenderException("render/missing-glyph", first.startsWith("/") ? first : "",
        Message.of(zh + "；请注册包含这些字符的 TrueType 字体",
            en.toString().strip() + "; register a TrueType font that has them"), null);
  }

  /** Configures a renderer. Not thread-safe. */
  public static final class Builder {
    private final List<BaseFont> fonts = new ArrayList<>();
    private RenderOptions options = RenderOptions.defaults();

    private Builder() {}

    /**
     * Registers a TrueType font (e.g. a 宋体-like serif for body text); registered fonts are tried
     * before Noto Sans SC, character by character.
     */
    public Builder font(String name, byte[] trueType) {
      fonts.add(Fonts.trueType(name, trueType));
      return this;
    }

    /** The shared render options (clock, banner, watermark, print stamp, end mark). */
    public Builder options(RenderOptions options) {
      Objects.requireNonNull(options, "options");
      if (options.mode() != RenderMode.VIEW) {
        throw new IllegalArgumentException("PDF has no form mode; render a view");
      }
      this.options = options;
      return this;
    }

    /** The renderer. */
    public PdfRenderer build() {
      return new PdfRenderer(this);
    }
  }
}

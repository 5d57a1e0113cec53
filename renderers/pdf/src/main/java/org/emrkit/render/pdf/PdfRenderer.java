package org.emrkit.render.pdf;

import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.emrkit.record.Record;
import org.emrkit.render.PrintOutcome;
import org.emrkit.render.PrintRequest;
import org.emrkit.render.RecordRenderer;
import org.emrkit.render.RecordWalk;
import org.emrkit.render.RenderException;
import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;
import org.emrkit.render.pdf.internal.Fonts;
import org.emrkit.render.pdf.internal.Marks;
import org.emrkit.render.pdf.internal.PdfA;
import org.emrkit.render.pdf.internal.PdfLayout;
import org.emrkit.render.pdf.internal.Printing;
import org.emrkit.render.pdf.internal.Styles;
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


  private final List<Fonts.Face> hostFonts;
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
   * clock give the same bytes. Pages are written to {@code out} as they are laid out, so memory
   * does not grow with the page count: a record with a character no font has is refused before
   * anything is written, but one that fails later (a table paper cannot hold,
   * {@code render/too-tall}) leaves the pages before it on {@code out} — render into a buffer or
   * a file ({@link #renderTo} replaces a file only when rendering succeeded) where that matters.
   * A stream that cannot be written is {@code render/io}.
   */
  @Override
  public void render(Template template, Record record, OutputStream out) {
    Objects.requireNonNull(out, "out");
    RecordWalk walk = RecordWalk.forRendering(template, record, options);
    String stamp = walk.stamp().orElse(null);
    String watermark = walk.watermark().orElse(null);
    PdfLayout.run(template, walk, styles(), out, p -> stamp, p -> watermark, stamp != null,
        new PdfA.Meta(walk.documentTitle(), walk.author(), OffsetDateTime.now(options.clock()),
            template.reference() + "|" + record.id(), false), Marks.none(),
        java.util.Arrays.asList(stamp, watermark));
  }

  /**
   * Prints the record (打印 / 续打 / 重打) as {@code request} asks, to {@code out} as PDF/A-2b,
   * reading the record's print log: a continuation starts right under the last printed content,
   * on the page where it stopped, which gets only its new body content, each glyph where the
   * whole record has it; pages already on paper get no running header, footer or stamp again;
   * a feed offset moves everything on the paper. No 以下空白 end mark is printed (it would stand
   * where the next continuation goes), nor the amendments appendix. Returns the entry to log with
   * {@code EditSession.recordPrint}, which page to put back in the printer, and the printed pages
   * amended since.
   *
   * @throws RenderException {@code print/moved} when content already on paper has moved (it was
   *     amended or entries were inserted above it: the message names the pages to reprint),
   *     {@code print/nothing-new} when a continuation has nothing to print, {@code print/entry}
   *     for an entry that is not in the record, {@code print/pages} for pages it does not have,
   *     {@code print/log} for a print log that does not read; as {@link #render} otherwise
   */
  public PrintOutcome print(Template template, Record record, PrintRequest request,
      OutputStream out) {
    return new Printing(template, record, options, styles()).print(request, out);
  }

  /** {@link #print} to a file, replaced only when printing succeeded. */
  public PrintOutcome printTo(Template template, Record record, PrintRequest request,
      java.nio.file.Path file) {
    return RecordRenderer.writeTo(file, out -> print(template, record, request, out));
  }

  /**
   * Renders the whole record as its printed sheets stand: every page whole, each with the stamp
   * of the print that last put it on paper (none on a page never printed), laid out as prints
   * are (no end mark). What a ward's folder should hold; a continuation and the print before it,
   * laid one over the other, are this.
   */
  public void renderAsPrinted(Template template, Record record, OutputStream out) {
    new Printing(template, record, options, styles()).asPrinted(out);
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
    List<Fonts.Face> regular = new ArrayList<>(hostFonts);
    regular.add(Fonts.notoRegular());
    List<Fonts.Face> bold = new ArrayList<>(hostFonts);
    bold.add(0, Fonts.notoBold());
    return new Styles(regular, bold);
  }

  /** Configures a renderer. Not thread-safe. */
  public static final class Builder {
    private final List<Fonts.Face> fonts = new ArrayList<>();
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

package org.emrkit.render.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.OutputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.emrkit.record.Record;
import org.emrkit.render.pdf.internal.Fonts;
import org.emrkit.render.pdf.internal.PageEvents;
import org.emrkit.render.pdf.internal.PdfBlocks;
import org.emrkit.render.pdf.internal.Styles;
import org.emrkit.template.Block;
import org.emrkit.template.PageSetup;
import org.emrkit.template.Template;
import org.emrkit.validation.RecordContext;

/**
 * Renders a record to PDF with OpenPDF: title, patient banner, sections, values in place, tables
 * with row and column spans (nested to any depth, header rows repeated on every page, rows split
 * only when taller than a page), page size and margins from the template, running header and
 * footer with 第 N 页 / 共 M 页, optional watermark, print stamp and 以下空白 end mark. Chinese
 * text uses Noto Sans SC (TrueType, embedded as a subset) unless the host registers fonts; a
 * character no font has is a {@link RenderException} naming it and its field, before anything is
 * written. Built once with {@link #builder()}; immutable and thread-safe.
 */
public final class PdfRenderer {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final float MM = 72f / 25.4f;

  private final List<BaseFont> hostFonts;
  private final Clock clock;
  private final String watermark;
  private final String printedBy;
  private final boolean endMark;
  private final boolean banner;

  private PdfRenderer(Builder b) {
    this.hostFonts = List.copyOf(b.fonts);
    this.clock = b.clock;
    this.watermark = b.watermark;
    this.printedBy = b.printedBy;
    this.endMark = b.endMark;
    this.banner = b.banner;
  }

  /** A builder: Noto Sans SC, system clock, banner on, no watermark, stamp or end mark. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Renders the record to {@code out} (not closed) as PDF/A-2b. The same template, record and
   * clock give the same bytes. OpenPDF's output goes through a temporary file, so memory does not
   * grow with the page count.
   */
  public void render(Template template, Record record, OutputStream out) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(out, "out");
    java.io.File tmp = null;
    try {
      tmp = java.io.File.createTempFile("emrkit-", ".pdf");
      try (OutputStream raw = new java.io.BufferedOutputStream(
          new java.io.FileOutputStream(tmp))) {
        layout(template, record, raw);
      }
      String title = (template.heading() != null ? template.heading() : template.title())
          + (record.context().patient().name() == null ? ""
              : " - " + record.context().patient().name());
      String author = record.context().author() == null ? "EMRKit"
          : record.context().author().name();
      org.emrkit.render.pdf.internal.PdfA.convert(tmp, out, title, author,
          OffsetDateTime.now(clock), template.reference() + "|" + record.id());
    } catch (java.io.IOException e) {
      throw new RenderException("", "could not write the PDF: " + e.getMessage(), e);
    } finally {
      if (tmp != null && !tmp.delete()) {
        tmp.deleteOnExit();
      }
    }
  }

  private void layout(Template template, Record record, OutputStream out) {
    List<BaseFont> regular = new ArrayList<>(hostFonts);
    regular.add(Fonts.notoRegular());
    List<BaseFont> bold = new ArrayList<>(hostFonts);
    bold.add(0, Fonts.notoBold());
    Styles styles = new Styles(regular, bold);
    RecordContext context = RecordContext.of(template, record, clock);

    PdfBlocks check = new PdfBlocks(null, null, template, record, context, styles, true);
    check.blocks(template.pageHeader());
    check.blocks(template.pageFooter());
    check.blocks(template.blocks());
    if (!check.missing().isEmpty()) {
      StringBuilder sb = new StringBuilder("no font has these characters: ");
      String first = null;
      for (Map.Entry<String, List<String>> e : check.missing().entrySet()) {
        first = first == null ? e.getKey() : first;
        sb.append(String.join("", e.getValue())).append(" (at ").append(e.getKey()).append(") ");
      }
      throw new RenderException(first, sb.toString().strip()
          + "; register a TrueType font that has them", null);
    }

    PageSetup page = template.page();
    Rectangle size = new Rectangle((float) page.widthMm() * MM, (float) page.heightMm() * MM);
    Document document = new Document(size, (float) page.marginLeftMm() * MM,
        (float) page.marginRightMm() * MM, (float) page.marginTopMm() * MM + 14,
        (float) page.marginBottomMm() * MM + 14);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      writer.setCloseStream(false);
      writer.setPdfVersion(PdfWriter.VERSION_1_7);
      writer.setFullCompression();
      PdfBlocks layout = new PdfBlocks(document, writer, template, record, context, styles,
          false);
      writer.setPageEvent(new PageEvents(styles, running(layout, template.pageHeader()),
          running(layout, template.pageFooter()), watermark, printedBy == null ? null
              : "打印人：" + printedBy + "　打印时间：" + STAMP.format(OffsetDateTime.now(clock))));
      String title = template.heading() != null ? template.heading() : template.title();
      document.addTitle(title + (record.context().patient().name() == null ? ""
          : " - " + record.context().patient().name()));
      document.addAuthor(record.context().author() == null ? "EMRKit"
          : record.context().author().name());
      document.addCreator("EMRKit");
      document.open();
      Paragraph h = new Paragraph(styles.phrase(title, true, false, 0, Styles.TITLE, Color.BLACK));
      h.setAlignment(Element.ALIGN_CENTER);
      h.setSpacingAfter(4);
      layout.emit(h);
      if (banner) {
        layout.emit(banner(styles, record));
      }
      layout.blocks(template.blocks());
      if (endMark) {
        Paragraph end = new Paragraph(styles.plain("（以下空白）", Styles.BODY));
        end.setAlignment(Element.ALIGN_CENTER);
        end.setSpacingBefore(6);
        layout.emit(end);
      }
      document.close();
    } catch (DocumentException e) {
      throw new RenderException("", "OpenPDF could not write the document: " + e.getMessage(), e);
    }
  }

  private static List<List<PageEvents.Piece>> running(PdfBlocks layout, List<Block> blocks) {
    List<List<PageEvents.Piece>> lines = new ArrayList<>();
    for (Block b : blocks) {
      if (b instanceof org.emrkit.template.Paragraph p) {
        lines.add(layout.running(p));
      }
    }
    return lines;
  }

  private static Paragraph banner(Styles styles, Record record) {
    StringBuilder sb = new StringBuilder();
    record.context().banner().forEach((label, value) -> sb.append(label).append("：")
        .append(value).append("　　"));
    Paragraph out = new Paragraph(styles.plain(sb.toString().strip(), Styles.BODY - 1));
    out.setSpacingAfter(4);
    return out;
  }

  /** Configures a renderer. Not thread-safe. */
  public static final class Builder {
    private final List<BaseFont> fonts = new ArrayList<>();
    private Clock clock = Clock.systemDefaultZone();
    private String watermark;
    private String printedBy;
    private boolean endMark;
    private boolean banner = true;

    private Builder() {}

    /**
     * Registers a TrueType font (e.g. a 宋体-like serif for body text); registered fonts are tried
     * before Noto Sans SC, character by character.
     */
    public Builder font(String name, byte[] trueType) {
      fonts.add(Fonts.trueType(name, trueType));
      return this;
    }

    /** The clock for calc fields and the print stamp. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** A watermark across every page, or null. */
    public Builder watermark(String watermark) {
      this.watermark = watermark;
      return this;
    }

    /** A print stamp (printed by, printed at) in the footer, or null. */
    public Builder printedBy(String name) {
      this.printedBy = name;
      return this;
    }

    /** Whether to end the content with （以下空白）. */
    public Builder endMark(boolean endMark) {
      this.endMark = endMark;
      return this;
    }

    /** Whether to print the patient banner under the title (default true). */
    public Builder banner(boolean banner) {
      this.banner = banner;
      return this;
    }

    /** The renderer. */
    public PdfRenderer build() {
      return new PdfRenderer(this);
    }
  }
}

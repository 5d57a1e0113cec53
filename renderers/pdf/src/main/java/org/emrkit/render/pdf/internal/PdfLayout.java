package org.emrkit.render.pdf.internal;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfWriter;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.emrkit.problem.Message;
import org.emrkit.render.RecordWalk;
import org.emrkit.render.RenderException;
import org.emrkit.template.PageSetup;
import org.emrkit.template.Template;

/**
 * Lays a whole record out with OpenPDF: page size and margins from the template (room above for
 * the running header, below for the footer and, when asked, a print stamp), the running header
 * and footer on every page, the body through a {@link Flow}. The same record, template and
 * options always give the same pages, so a longer record's first pages are a shorter one's.
 */
public final class PdfLayout {

  private static final float MM = 72f / 25.4f;

  /**
   * What was laid out.
   *
   * @param marks where the body's content lies
   * @param pages the page count
   * @param pageHeight the page's height, in points
   * @param top the body's top edge, in points above the page's bottom
   */
  public record Result(Marks marks, int pages, float pageHeight, float top) {

    /** Millimetres from the page's top edge to {@code y} points above its bottom. */
    public double mmDown(float y) {
      return (pageHeight - y) / MM;
    }
  }

  private PdfLayout() {}

  /**
   * Lays the record out into {@code out} (OpenPDF's PDF, before PDF/A), every page with its
   * running header and footer and the stamp and watermark {@code stamp} and {@code watermark}
   * give it ({@code null}: none); {@code stampSpace} keeps
   * room for a stamp under the footer (the same on every print of a record, so the body is laid
   * out the same whoever prints it). The file is PDF/A-2b as {@code meta} says; where the
   * content lies goes into {@code marks} ({@link Marks#none()} when the pages are not cut).
   * {@code furniture} is every text {@code stamp} and {@code watermark} may give, for the
   * document's font subsets.
   */
  public static Result run(Template template, RecordWalk walk, Styles faces, OutputStream out,
      IntFunction<String> stamp, IntFunction<String> watermark, boolean stampSpace,
      PdfA.Meta meta, Marks marks, java.util.Collection<String> furniture) {
    Glyphs glyphs = new Glyphs();
    checkFonts(walk, faces, glyphs);
    furniture.forEach(t -> glyphs.add(t, false));
    Styles styles = faces.forDocument(glyphs);
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
        + (stampSpace ? Styles.SMALL * 1.4f : 0));
    Rectangle size = new Rectangle((float) page.widthMm() * MM, (float) page.heightMm() * MM);
    Document document = new Document(size, (float) page.marginLeftMm() * MM,
        (float) page.marginRightMm() * MM, top, bottom);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      writer.setCloseStream(false);
      writer.setPdfVersion(PdfWriter.VERSION_1_7);
      writer.setFullCompression();
      writer.setPageEvent(new PageEvents(styles, header.blocks(), footer.blocks(),
          watermark, stamp));
      document.open();
      PdfA.apply(writer, meta);
      return Fonts.tagging(meta.id(), () -> {
        Flow flow = new Flow(document, writer, marks);
        walk.body(new PdfTarget(flow, styles, width));
        float bodyTop = document.top();
        int pages = writer.getPageNumber();
        document.close();
        return new Result(marks, pages, size.getHeight(), bodyTop);
      });
    } catch (com.lowagie.text.ExceptionConverter e) {
      // OpenPDF writes pages as they are laid out: a stream that fails says so through this
      if (e.getException() instanceof java.io.IOException io) {
        throw new RenderException("render/io", "", Message.of("无法写出 PDF：" + io.getMessage(),
            "could not write the PDF: " + io.getMessage()), io);
      }
      throw e;
    } catch (DocumentException e) {
      throw new RenderException("render/layout", "", Message.of(
          "OpenPDF 无法写出文档：" + e.getMessage(),
          "OpenPDF could not write the document: " + e.getMessage()), e);
    }
  }

  /** Refuses, before anything is written, a record with characters no font has. */
  private static void checkFonts(RecordWalk walk, Styles styles, Glyphs glyphs) {
    FontCheck check = new FontCheck(styles, glyphs);
    check.area(true);
    walk.header(check);
    check.area(false);
    walk.body(check);
    check.area(true);
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
}

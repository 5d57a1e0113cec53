package org.emrkit.render.pdf;

import java.io.OutputStream;
import org.emrkit.record.Context;
import org.emrkit.record.Record;
import org.emrkit.render.RecordRenderer;
import org.emrkit.render.RenderFormat;
import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;
import org.emrkit.render.pdf.internal.Fonts;
import org.emrkit.template.Template;

/** The {@code pdf} format: archival PDF/A-2b with Chinese fonts embedded. */
public final class PdfFormat implements RenderFormat {

  /** For the service loader. */
  public PdfFormat() {}

  @Override
  public String name() {
    return "pdf";
  }

  @Override
  public String extension() {
    return "pdf";
  }

  @Override
  public String mediaType() {
    return "application/pdf";
  }

  @Override
  public String description() {
    return "归档 PDF/A-2b (archival PDF/A-2b)";
  }

  @Override
  public boolean supports(RenderMode mode) {
    return mode == RenderMode.VIEW;
  }

  @Override
  public RecordRenderer renderer(RenderOptions options) {
    return PdfRenderer.builder().options(options).build();
  }

  /**
   * Loads Noto Sans SC (about 0.3 s a face, cold: FontBox parses it) and the symbol fallback, and
   * renders a line of text to nowhere, which loads and initialises the classes a rendering uses.
   */
  @Override
  public void warmUp() {
    // the bold face on a thread of its own, while the other thread loads the regular one; then
    // the symbol fallback (☐ ☑), which a record's check boxes need, so that the rendering does
    // not wait for it
    background("emrkit-pdf-warm-up-bold", () -> {
      Fonts.notoBold();
      Fonts.symbols();
    });
    background("emrkit-pdf-warm-up", () -> {
      Template tiny = Template.builder("warm-up", "1.0.0", "预热")
          .section("预热", s -> s.line("病历预热")).build();
      PdfRenderer.builder().build().render(tiny, Record.draft("warm-up", tiny, Context.EMPTY),
          OutputStream.nullOutputStream());
    });
  }

  /** Runs {@code work} on a daemon thread; what goes wrong there is left to the rendering. */
  private static void background(String name, Runnable work) {
    Thread t = new Thread(() -> {
      try {
        work.run();
      } catch (RuntimeException | LinkageError e) {
        // only a head start: the rendering itself reports what is wrong
      }
    }, name);
    t.setDaemon(true);
    t.start();
  }
}

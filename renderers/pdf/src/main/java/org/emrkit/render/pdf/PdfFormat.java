package org.emrkit.render.pdf;

import org.emrkit.render.RecordRenderer;
import org.emrkit.render.RenderFormat;
import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;

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
}

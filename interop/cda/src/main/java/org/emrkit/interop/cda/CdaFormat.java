package org.emrkit.interop.cda;

import java.io.IOException;
import java.io.OutputStream;
import org.emrkit.problem.Message;
import org.emrkit.record.Record;
import org.emrkit.render.RecordRenderer;
import org.emrkit.render.RenderException;
import org.emrkit.render.RenderFormat;
import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;
import org.emrkit.template.Template;

/**
 * The {@code cda} format: a WS/T 500 shared document, for whoever renders through
 * {@link org.emrkit.render.RenderFormats} (the batch pipeline). Its export findings are not
 * returned there; {@link CdaExporter} gives them.
 */
public final class CdaFormat implements RenderFormat {

  /** For the service loader. */
  public CdaFormat() {}

  @Override
  public String name() {
    return "cda";
  }

  @Override
  public String extension() {
    return "xml";
  }

  @Override
  public String mediaType() {
    return "application/xml";
  }

  @Override
  public String description() {
    return "WS/T 500 电子病历共享文档（HL7 CDA R2）(WS/T 500 shared document, HL7 CDA R2)";
  }

  @Override
  public boolean supports(RenderMode mode) {
    return mode == RenderMode.VIEW;
  }

  @Override
  public RecordRenderer renderer(RenderOptions options) {
    if (options.mode() != RenderMode.VIEW) {
      throw new IllegalArgumentException("cda exports the record as it reads (view mode)");
    }
    CdaExporter exporter = CdaExporter.create().withClock(options.clock());
    return new RecordRenderer() {
      @Override
      public void render(Template template, Record record, OutputStream out) {
        byte[] doc = exporter.export(template, record).document();
        try {
          out.write(doc);
        } catch (IOException e) {
          throw new RenderException("render/io", "", Message.of("无法写出 CDA 文档：" + e.getMessage(),
              "could not write the CDA document: " + e.getMessage()), e);
        }
      }
    };
  }
}

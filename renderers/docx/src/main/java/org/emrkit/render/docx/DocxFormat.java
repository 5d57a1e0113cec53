package org.emrkit.render.docx;

import org.emrkit.render.RecordRenderer;
import org.emrkit.render.RenderFormat;
import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;

/** The {@code docx} format: a Word document, or a Word form of content controls. */
public final class DocxFormat implements RenderFormat {

  /** For the service loader. */
  public DocxFormat() {}

  @Override
  public String name() {
    return "docx";
  }

  @Override
  public String extension() {
    return "docx";
  }

  @Override
  public String mediaType() {
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  }

  @Override
  public String description() {
    return "Word 文档，或由内容控件组成的 Word 表单 (Word document, or a Word form)";
  }

  @Override
  public boolean supports(RenderMode mode) {
    return true;
  }

  @Override
  public RecordRenderer renderer(RenderOptions options) {
    return DocxRenderer.builder().options(options).build();
  }
}

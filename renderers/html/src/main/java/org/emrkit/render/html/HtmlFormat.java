package org.emrkit.render.html;

import org.emrkit.render.RecordRenderer;
import org.emrkit.render.RenderFormat;
import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;

/** The {@code html} format: a full HTML5 page, the print view or the edit form. */
public final class HtmlFormat implements RenderFormat {

  /** For the service loader. */
  public HtmlFormat() {}

  @Override
  public String name() {
    return "html";
  }

  @Override
  public String extension() {
    return "html";
  }

  @Override
  public String mediaType() {
    return "text/html;charset=utf-8";
  }

  @Override
  public String description() {
    return "HTML 页面：打印视图或编辑表单 (HTML page: print view or edit form)";
  }

  @Override
  public boolean supports(RenderMode mode) {
    return true;
  }

  @Override
  public RecordRenderer renderer(RenderOptions options) {
    return HtmlRenderer.builder().options(options).fullPage(true).build();
  }
}

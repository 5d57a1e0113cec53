package org.emrkit.render.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.emrkit.problem.Message;
import org.emrkit.record.Record;
import org.emrkit.render.RecordRenderer;
import org.emrkit.render.RecordWalk;
import org.emrkit.render.RenderException;
import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;
import org.emrkit.render.html.internal.Html;
import org.emrkit.render.html.internal.HtmlTarget;
import org.emrkit.template.PageSetup;
import org.emrkit.template.Paper;
import org.emrkit.template.Template;

/**
 * Renders a record as HTML: the printed view or, in {@link RenderMode#FORM}, the edit form, as a
 * fragment to embed (CSS classes prefixed {@code emr-}) or a full HTML5 page with print CSS.
 * What it shows comes from the shared {@link RecordWalk}. Built once with {@link #builder()};
 * immutable and thread-safe. All text and attribute values are escaped; rich-text values pass an
 * allowlist (paragraphs, bold, italic, sup, sub).
 *
 * <pre>{@code
 * HtmlRenderer r = HtmlRenderer.builder()
 *     .options(RenderOptions.builder().mode(RenderMode.FORM).build()).fullPage(true).build();
 * String html = r.render(template, record);
 * }</pre>
 */
public final class HtmlRenderer implements RecordRenderer {

  private static final String CSS = resource("emrkit.css");
  private static final String JS = resource("emrkit.js");

  private final RenderOptions options;
  private final boolean fullPage;

  private HtmlRenderer(Builder b) {
    this.options = b.options;
    this.fullPage = b.fullPage;
  }

  /** A builder: default options (view, banner on), a fragment. */
  public static Builder builder() {
    return new Builder();
  }

  /** The CSS every rendering uses (for hosts that embed fragments). */
  public static String css() {
    return CSS;
  }

  /** The edit-form script: {@code EmrKit.values(form)} and the {@code emr-change} event. */
  public static String script() {
    return JS;
  }

  /**
   * The TypeScript declarations of the edit form's script ({@code emrkit.d.ts}, API version
   * 1.0.0), for a host that writes its page in TypeScript.
   */
  public static String typeDeclarations() {
    return resource("emrkit.d.ts");
  }

  /**
   * Text escaped for HTML text content and double-quoted attribute values alike ({@code & < > "
   * '}), for hosts that build their own page around a fragment.
   */
  public static String escape(String text) {
    return Html.escapeAttribute(text);
  }

  /** The options this renderer was built with. */
  public RenderOptions options() {
    return options;
  }

  /** Renders to a string. */
  public String render(Template template, Record record) {
    StringBuilder sb = new StringBuilder(16_384);
    render(template, record, sb);
    return sb.toString();
  }

  /** Renders as UTF-8 to {@code out} (not closed). */
  @Override
  public void render(Template template, Record record, OutputStream out) {
    Objects.requireNonNull(out, "out");
    String html = render(template, record);
    try {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      w.write(html);
      w.flush();
    } catch (IOException e) {
      throw new RenderException("render/io", "", Message.of("无法写出 HTML：" + e.getMessage(),
          "could not write the HTML: " + e.getMessage()), e);
    }
  }

  /** Renders to {@code out}. */
  public void render(Template template, Record record, Appendable out) {
    render(template, record, FormLocks.NONE, out);
  }

  /**
   * Renders the edit form with what the actor may not change drawn locked (a view ignores the
   * locks).
   */
  public String render(Template template, Record record, FormLocks locks) {
    StringBuilder sb = new StringBuilder(16_384);
    render(template, record, Objects.requireNonNull(locks, "locks"), sb);
    return sb.toString();
  }

  private void render(Template template, Record record, FormLocks locks, Appendable out) {
    RecordWalk walk = RecordWalk.forRendering(template, record, options);
    Html html = new Html(out);
    boolean edit = options.mode() == RenderMode.FORM;
    if (fullPage) {
      html.raw("<!DOCTYPE html>\n<html").attr("lang", template.locale()).raw("><head>")
          .raw("<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
          .raw("<title>").text(walk.documentTitle()).raw("</title><style>")
          .raw(pageCss(template.page(), walk)).raw(CSS).raw("</style></head><body>");
    }
    html.raw(edit ? "<form class=\"emr-record emr-edit\" novalidate"
        : "<div class=\"emr-record emr-view\"")
        .attr("data-emr-template", template.reference()).attr("data-emr-record", record.id())
        // as wide as the page's text: a landscape sheet is landscape on screen too
        .attr("style", "max-width:" + fmt(template.page().widthMm() - template.page().marginLeftMm()
            - template.page().marginRightMm()) + "mm")
        .raw(">");
    if (walk.watermark().isPresent()) {
      html.raw("<div class=\"emr-watermark\" aria-hidden=\"true\">").text(walk.watermark().get())
          .raw("</div>");
    }
    // a new date-time typed in the form takes the hospital's offset (the clock's), not the
    // browser's: a browser set to another zone must not move the record's times
    String offset = java.time.OffsetDateTime.now(options.clock()).getOffset().getId();
    HtmlTarget target = new HtmlTarget(html, edit, template, offset.equals("Z") ? "+00:00"
        : offset, record.context(), locks::editable);
    if (!template.pageHeader().isEmpty() || walk.automaticHead()) {
      html.raw("<div class=\"emr-page-header\">");
      walk.header(target);
      html.raw("</div>");
    }
    walk.body(target);
    if (!template.pageFooter().isEmpty() || walk.stamp().isPresent() || !edit) {
      html.raw("<div class=\"emr-page-footer\">");
      walk.footer(target);
      html.raw("</div>");
    }
    html.raw(edit ? "</form>" : "</div>");
    if (fullPage) {
      if (edit) {
        html.raw("<script>").raw(JS).raw("</script>");
      }
      html.raw("</body></html>\n");
    }
  }

  /**
   * The page's size and margins, and its running header and footer as margin boxes, so that a
   * browser prints them on every page with 第 N 页 / 共 M 页 (the in-flow ones are hidden in
   * print). Without a footer of its own the record still prints N / M at the foot.
   */
  private static String pageCss(PageSetup p, RecordWalk walk) {
    String size = p.paper() == Paper.K16 || p.paper() == Paper.B5
        ? fmt(p.widthMm()) + "mm " + fmt(p.heightMm()) + "mm"
        : p.paper().label() + " " + p.orientation().label();
    org.emrkit.render.html.internal.PageAreaText header =
        new org.emrkit.render.html.internal.PageAreaText();
    walk.header(header);
    org.emrkit.render.html.internal.PageAreaText footer =
        new org.emrkit.render.html.internal.PageAreaText();
    walk.footer(footer);
    String foot = footer.content();
    String box = ";font-size:9pt;white-space:pre-wrap;font-family:\"Noto Sans SC\",\"Noto Sans CJK SC\","
        + "sans-serif}";
    return "@page{size:" + size + ";margin:" + fmt(p.marginTopMm()) + "mm " + fmt(p.marginRightMm())
        + "mm " + fmt(p.marginBottomMm()) + "mm " + fmt(p.marginLeftMm()) + "mm;"
        + "@top-center{content:" + header.content() + ";vertical-align:bottom" + box
        + "@bottom-center{content:" + (foot.equals("none") ? "counter(page) \" / \" counter(pages)"
            : foot) + box + "}"
        + "@media print{.emr-page-header,.emr-page-footer{display:none}}";
  }

  private static String fmt(double d) {
    return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  private static String resource(String name) {
    try (InputStream in = HtmlRenderer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Configures a renderer. Not thread-safe. */
  public static final class Builder {
    private RenderOptions options = RenderOptions.defaults();
    private boolean fullPage;

    private Builder() {}

    /** The shared render options (mode, banner, clock, watermark, print stamp, end mark). */
    public Builder options(RenderOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /** A full HTML5 page with CSS (and, in form mode, the script) instead of a fragment. */
    public Builder fullPage(boolean fullPage) {
      this.fullPage = fullPage;
      return this;
    }

    /** The renderer. */
    public HtmlRenderer build() {
      return new HtmlRenderer(this);
    }
  }
}

package org.emrkit.render.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.emrkit.record.Record;
import org.emrkit.render.html.internal.BlockWriter;
import org.emrkit.render.html.internal.Html;
import org.emrkit.template.PageSetup;
import org.emrkit.template.Paper;
import org.emrkit.template.Template;
import org.emrkit.validation.RecordContext;

/**
 * Renders a record as HTML: the printed view or the edit form, as a fragment to embed (CSS
 * classes prefixed {@code emr-}) or a full HTML5 page with print CSS. Built once with
 * {@link #builder()}; immutable and thread-safe. All text and attribute values are escaped;
 * rich-text values pass an allowlist (paragraphs, bold, italic, sup, sub).
 *
 * <pre>{@code
 * HtmlRenderer r = HtmlRenderer.builder().mode(HtmlMode.EDIT).fullPage(true).build();
 * String html = r.render(template, record);
 * }</pre>
 */
public final class HtmlRenderer {

  private static final String CSS = resource("emrkit.css");
  private static final String JS = resource("emrkit.js");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final HtmlMode mode;
  private final boolean fullPage;
  private final boolean banner;
  private final Clock clock;
  private final String watermark;
  private final String printedBy;

  private HtmlRenderer(Builder b) {
    this.mode = b.mode;
    this.fullPage = b.fullPage;
    this.banner = b.banner;
    this.clock = b.clock;
    this.watermark = b.watermark;
    this.printedBy = b.printedBy;
  }

  /** A builder: view mode, fragment, patient banner on, system clock, no watermark or stamp. */
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
   * Text escaped for HTML text content and double-quoted attribute values alike ({@code & < > "
   * '}), for hosts that build their own page around a fragment.
   */
  public static String escape(String text) {
    return org.emrkit.render.html.internal.Html.escapeAttribute(text);
  }

  /** Renders to a string. */
  public String render(Template template, Record record) {
    StringBuilder sb = new StringBuilder(16_384);
    render(template, record, sb);
    return sb.toString();
  }

  /** Renders to {@code out}. */
  public void render(Template template, Record record, Appendable out) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(record, "record");
    Html html = new Html(out);
    boolean edit = mode == HtmlMode.EDIT;
    RecordContext context = RecordContext.of(template, record, clock);
    String title = template.heading() != null ? template.heading() : template.title();
    if (fullPage) {
      html.raw("<!DOCTYPE html>\n<html").attr("lang", template.locale()).raw("><head>")
          .raw("<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
          .raw("<title>").text(title + (record.context().patient().name() == null ? ""
              : " - " + record.context().patient().name())).raw("</title><style>")
          .raw(pageCss(template.page())).raw(CSS).raw("</style></head><body>");
    }
    html.raw(edit ? "<form class=\"emr-record emr-edit\" novalidate"
        : "<div class=\"emr-record emr-view\"")
        .attr("data-emr-template", template.reference()).attr("data-emr-record", record.id())
        .raw(">");
    if (watermark != null) {
      html.raw("<div class=\"emr-watermark\" aria-hidden=\"true\">").text(watermark)
          .raw("</div>");
    }
    BlockWriter blocks = new BlockWriter(html, template, record, context, edit);
    if (!template.pageHeader().isEmpty()) {
      html.raw("<div class=\"emr-page-header\">");
      blocks.blocks(template.pageHeader());
      html.raw("</div>");
    }
    html.raw("<h1 class=\"emr-title\">").text(title).raw("</h1>");
    if (banner) {
      banner(html, record);
    }
    blocks.blocks(template.blocks());
    if (!template.pageFooter().isEmpty() || printedBy != null) {
      html.raw("<div class=\"emr-page-footer\">");
      blocks.blocks(template.pageFooter());
      if (printedBy != null) {
        html.raw("<p class=\"emr-print-stamp\">打印人：").text(printedBy).raw("　打印时间：")
            .text(STAMP.format(OffsetDateTime.now(clock))).raw("</p>");
      }
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

  private static void banner(Html html, Record record) {
    html.raw("<div class=\"emr-banner\">");
    record.context().banner().forEach((label, value) -> html
        .raw("<span class=\"emr-banner-item\"><span class=\"emr-banner-label\">").text(label)
        .raw("</span>").text(value).raw("</span>"));
    html.raw("</div>");
  }

  private static String pageCss(PageSetup p) {
    String size = p.paper() == Paper.K16 || p.paper() == Paper.B5
        ? fmt(p.widthMm()) + "mm " + fmt(p.heightMm()) + "mm"
        : p.paper().label() + " " + p.orientation().label();
    return "@page{size:" + size + ";margin:" + fmt(p.marginTopMm()) + "mm " + fmt(p.marginRightMm())
        + "mm " + fmt(p.marginBottomMm()) + "mm " + fmt(p.marginLeftMm()) + "mm;"
        + "@bottom-center{content:counter(page) \" / \" counter(pages)}}";
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
    private HtmlMode mode = HtmlMode.VIEW;
    private boolean fullPage;
    private boolean banner = true;
    private Clock clock = Clock.systemDefaultZone();
    private String watermark;
    private String printedBy;

    private Builder() {}

    /** View (default) or edit. */
    public Builder mode(HtmlMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** A full HTML5 page with CSS (and, in edit mode, the script) instead of a fragment. */
    public Builder fullPage(boolean fullPage) {
      this.fullPage = fullPage;
      return this;
    }

    /** Whether to print the patient banner under the title (default true). */
    public Builder banner(boolean banner) {
      this.banner = banner;
      return this;
    }

    /** The clock for calc fields and the print stamp. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** A watermark text across the page, or null for none. */
    public Builder watermark(String watermark) {
      this.watermark = watermark;
      return this;
    }

    /** Adds a print stamp (printed by, printed at) to the footer; null for none. */
    public Builder printedBy(String name) {
      this.printedBy = name;
      return this;
    }

    /** The renderer. */
    public HtmlRenderer build() {
      return new HtmlRenderer(this);
    }
  }
}

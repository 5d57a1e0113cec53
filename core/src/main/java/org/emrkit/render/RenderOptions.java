package org.emrkit.render;

import java.time.Clock;
import java.util.Objects;

/**
 * What every output format is asked to show beside the record, the same for all of them: the
 * clock (calculated fields, the print time), who prints (the print stamp 打印人/打印时间 in the
 * footer), a watermark, the end mark （以下空白）, the patient banner, and the mode (a view, or an
 * editable form where the format has one). Immutable and thread-safe; build with
 * {@link #builder()}.
 */
public final class RenderOptions {

  private static final RenderOptions DEFAULTS = builder().build();

  private final Clock clock;
  private final String printedBy;
  private final String watermark;
  private final boolean draftWatermark;
  private final boolean blanks;
  private final String emptyPlaceholder;
  private final boolean endMark;
  private final boolean banner;
  private final RenderMode mode;
  private final AmendmentPrint amendments;
  private final boolean supersededSignatures;

  private RenderOptions(Builder b) {
    this.clock = b.clock;
    this.printedBy = b.printedBy;
    this.watermark = b.watermark;
    this.draftWatermark = b.draftWatermark;
    this.blanks = b.blanks;
    this.emptyPlaceholder = b.emptyPlaceholder;
    this.endMark = b.endMark;
    this.banner = b.banner;
    this.mode = b.mode;
    this.amendments = b.amendments;
    this.supersededSignatures = b.supersededSignatures;
  }

  /**
   * The defaults: system clock, no stamp, no watermark (a draft's view carries 草稿), no end
   * mark, banner on, view mode.
   */
  public static RenderOptions defaults() {
    return DEFAULTS;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.clock = clock;
    b.printedBy = printedBy;
    b.watermark = watermark;
    b.draftWatermark = draftWatermark;
    b.blanks = blanks;
    b.emptyPlaceholder = emptyPlaceholder;
    b.endMark = endMark;
    b.banner = banner;
    b.mode = mode;
    b.amendments = amendments;
    b.supersededSignatures = supersededSignatures;
    return b;
  }

  /** The clock for calculated fields and the print time. */
  public Clock clock() {
    return clock;
  }

  /** Who prints (the print stamp), or {@code null} for no stamp. */
  public String printedBy() {
    return printedBy;
  }

  /** The watermark text, or {@code null}. */
  public String watermark() {
    return watermark;
  }

  /** Whether a draft's view carries 草稿 when no other watermark is set (default true). */
  public boolean draftWatermark() {
    return draftWatermark;
  }

  /** Whether a draft's empty fields print as lines to write on (default false: nothing). */
  public boolean blanks() {
    return blanks;
  }

  /** What an empty field prints in a view ("/", "无"), or {@code null} for nothing. */
  public String emptyPlaceholder() {
    return emptyPlaceholder;
  }

  /** Whether the content ends with （以下空白）. */
  public boolean endMark() {
    return endMark;
  }

  /** Whether the patient banner follows the title. */
  public boolean banner() {
    return banner;
  }

  /** View or form. */
  public RenderMode mode() {
    return mode;
  }

  /**
   * Whether a superseded signature prints, struck through and marked 已修改 with when (default
   * true), or not at all (an empty signature line).
   */
  public boolean supersededSignatures() {
    return supersededSignatures;
  }

  /** Whether and how a view shows the record's amendments (default none). */
  public AmendmentPrint amendments() {
    return amendments;
  }

  /** Configures options. Not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemDefaultZone();
    private String printedBy;
    private String watermark;
    private boolean draftWatermark = true;
    private boolean blanks;
    private String emptyPlaceholder;
    private boolean endMark;
    private boolean banner = true;
    private RenderMode mode = RenderMode.VIEW;
    private AmendmentPrint amendments = AmendmentPrint.NONE;
    private boolean supersededSignatures = true;

    private Builder() {}

    /** The clock for calculated fields and the print time (default: the system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Adds a print stamp (printed by, printed at) to the footer; {@code null} for none. */
    public Builder printedBy(String name) {
      this.printedBy = name;
      return this;
    }

    /** A watermark across every page; {@code null} for none. */
    public Builder watermark(String text) {
      this.watermark = text;
      return this;
    }

    /**
     * Whether a draft printed or viewed carries a 草稿 watermark when no other is set (default
     * true: a draft must not pass for the record).
     */
    public Builder draftWatermark(boolean on) {
      this.draftWatermark = on;
      return this;
    }

    /**
     * Whether a draft's empty fields print as underlined blanks to write on by hand (default
     * false). A signed or archived record's empty fields never do: a line invites writing.
     */
    public Builder blanks(boolean on) {
      this.blanks = on;
      return this;
    }

    /** What an empty field prints in a view, such as "/" or "无" (default: nothing). */
    public Builder emptyPlaceholder(String text) {
      this.emptyPlaceholder = text == null || text.isBlank() ? null : text.strip();
      return this;
    }

    /** Whether to end the content with （以下空白） (default false). */
    public Builder endMark(boolean on) {
      this.endMark = on;
      return this;
    }

    /** Whether to print the patient banner under the title (default true). */
    public Builder banner(boolean on) {
      this.banner = on;
      return this;
    }

    /** View (default) or form. */
    public Builder mode(RenderMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Whether and how a view shows the record's amendments: not at all (default, a normal
     * print), on a 修改记录 page after the record, or inline as 痕迹打印. An edit form never does.
     */
    public Builder amendments(AmendmentPrint how) {
      this.amendments = Objects.requireNonNull(how, "amendments");
      return this;
    }

    /**
     * Whether a signature an amendment superseded prints, struck through with 已修改 and when
     * (default true), or not at all: an empty signature line, as for a field never signed.
     */
    public Builder supersededSignatures(boolean show) {
      this.supersededSignatures = show;
      return this;
    }

    /** The options. */
    public RenderOptions build() {
      return new RenderOptions(this);
    }
  }
}

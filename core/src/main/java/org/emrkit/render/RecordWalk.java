package org.emrkit.render;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.emrkit.problem.Message;
import org.emrkit.record.Record;
import org.emrkit.record.Signature;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.SectionNames;
import org.emrkit.template.Template;

/**
 * The one walk over a template and a record that every output shares (HTML view and form, PDF,
 * DOCX, exports) and validation too: it resolves once what the record shows — visible blocks
 * after {@code when}/{@code if}, each field's scope, JSON pointer, display text and label,
 * repeat entries and repeating rows, header rows, the page areas with whatever they hold, the
 * title, banner, end mark and print stamp — and hands it to a {@link WalkTarget} that only
 * writes. A walk is for one rendering on one thread; it may walk each area more than once.
 *
 * <pre>{@code
 * RecordWalk walk = RecordWalk.forRendering(template, record, options);
 * walk.header(target);   // the running header's blocks
 * walk.body(target);     // title, banner, the blocks, the end mark
 * walk.footer(target);   // the running footer's blocks, the print stamp
 * }</pre>
 */
public final class RecordWalk {


  /** The title of the page listing amendments. */
  public static final String AMENDMENTS_TITLE = "修改记录";

  /** The end mark's text. */
  public static final String END_MARK = "（以下空白）";

  private final Resolver resolver;
  private final RenderOptions options;
  private final boolean includeHidden;
  private final boolean entryTemplates;
  private final List<ExpressionProblem> problems = new ArrayList<>();
  private List<Amendment> amendments;
  private java.util.Map<String, List<Amendment>> amendedAt;
  /** The paths of the fields that showed their amendments inline in the body. */
  private final java.util.Set<String> traced = new java.util.HashSet<>();

  private RecordWalk(Builder b) {
    this.resolver = b.resolver;
    this.options = b.options;
    this.includeHidden = b.includeHidden;
    this.entryTemplates = b.entryTemplates;
  }

  /**
   * A walk for rendering the record with the template: visible content only in view mode;
   * hidden content (flagged) and an empty template entry per group in form mode.
   *
   * @throws RenderException {@code render/template-mismatch} when the record was not filled
   *     from this template
   */
  public static RecordWalk forRendering(Template template, Record record, RenderOptions options) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(options, "options");
    if (!record.template().matches(template)) {
      throw new RenderException("render/template-mismatch", "/template", Message.of(
          "病历 " + record.id() + " 由模板 " + record.template() + " 填写，不是 "
              + template.reference(),
          "record " + record.id() + " names template " + record.template() + ", not "
              + template.reference()), null);
    }
    boolean form = options.mode() == RenderMode.FORM;
    return builder(Resolver.of(template, record, options.clock())).options(options)
        .includeHidden(form).entryTemplates(form).build();
  }

  /** A builder for a walk with this resolver: default options, visible content only. */
  public static Builder builder(Resolver resolver) {
    return new Builder(resolver);
  }

  /** The resolver the walk decides with. */
  public Resolver resolver() {
    return resolver;
  }

  /** The options. */
  public RenderOptions options() {
    return options;
  }

  /** The title printed on the record: the template's heading, else its title. */
  public String title() {
    Template t = resolver.template();
    return t.heading() != null ? t.heading() : t.title();
  }

  /** The document's title for file metadata: the title, and the patient's name if known. */
  public String documentTitle() {
    String name = resolver.record().context().patient().name();
    return title() + (name == null ? "" : " - " + name);
  }

  /** The author for file metadata: the record's author, else {@code EMRKit}. */
  public String author() {
    var author = resolver.record().context().author();
    return author == null ? "EMRKit" : author.name();
  }

  /** The patient banner's items in print order (known values only), or none when it is off. */
  public List<BannerItem> banner() {
    if (!options.banner()) {
      return List.of();
    }
    List<BannerItem> items = new ArrayList<>();
    resolver.record().context().banner().forEach((k, v) -> items.add(new BannerItem(k, v)));
    return items;
  }

  /**
   * The watermark across every page: the options' own, else 草稿 on a draft's view with content
   * no signature covers (unless the options turn that off); none on an edit form. A ward sheet
   * whose every row is signed by its nurse is still an open record, but not a draft on paper:
   * it prints without 草稿.
   */
  public Optional<String> watermark() {
    if (options.watermark() != null) {
      return Optional.of(options.watermark());
    }
    boolean draft = resolver.record().status() == org.emrkit.record.RecordStatus.DRAFT;
    return draft && options.draftWatermark() && options.mode() == RenderMode.VIEW
        && !signedThroughout() ? Optional.of("草稿") : Optional.empty();
  }

  /** Whether the record holds values and a signature not superseded covers every one. */
  private boolean signedThroughout() {
    Record r = resolver.record();
    List<Signature> valid = r.signatures().stream()
        .filter(s -> !s.superseded()).toList();
    if (valid.isEmpty()) {
      return false;
    }
    List<String> pointers = new java.util.ArrayList<>();
    leaves(r.values(), "", pointers);
    SectionNames names = SectionNames.of(
        resolver.template());
    return !pointers.isEmpty() && pointers.stream().allMatch(p -> valid.stream()
        .anyMatch(s -> s.scope().covers(names, p)));
  }

  /** The pointers of the values that are content (signature values are not). */
  private static void leaves(Values values, String prefix, List<String> out) {
    for (Map.Entry<String, Value> e : values.asMap().entrySet()) {
      String at = prefix + "/" + e.getKey();
      if (e.getValue() instanceof Value.Rows rows) {
        for (int i = 0; i < rows.rows().size(); i++) {
          leaves(rows.rows().get(i), at + "/" + i, out);
        }
      } else if (!(e.getValue() instanceof Value.Signed)) {
        out.add(at);
      }
    }
  }

  /**
   * What a field with no text shows: {@code null} for a line to write on (a signature field, an
   * edit form, a draft printed with {@link RenderOptions#blanks}), else the placeholder the
   * options choose, or {@code ""} for nothing (then its unit is left out too).
   */
  String emptyText(org.emrkit.template.Field f) {
    if (f.type() == org.emrkit.template.FieldType.SIGNATURE || options.mode() == RenderMode.FORM
        || options.blanks() && resolver.record().status() == org.emrkit.record.RecordStatus.DRAFT) {
      return null;
    }
    return options.emptyPlaceholder() == null ? "" : options.emptyPlaceholder();
  }

  /**
   * The print stamp ({@code 打印人：… 打印时间：yyyy-MM-dd HH:mm}, and {@code 已归档} on an archived
   * record's copy), when someone prints.
   */
  public Optional<String> stamp() {
    boolean archived = resolver.record().status() == org.emrkit.record.RecordStatus.ARCHIVED
        && options.mode() == RenderMode.VIEW;
    return Optional.ofNullable(options.printedBy()).map(who -> PrintEntry.stamp(who,
        OffsetDateTime.now(options.clock()), archived));
  }

  /**
   * The record's amendments, in trace order: the value revisions that changed content a
   * signature made before them covers, or content someone else wrote before them (审阅修改),
   * their values as displayed and labelled as the record shows them. Worked out when first asked
   * (whatever the options say).
   */
  public List<Amendment> amendments() {
    if (amendments == null) {
      amendments = Amendments.of(resolver);
    }
    return amendments;
  }

  /**
   * The value revisions after sequence number {@code after} ({@code 0}: all), in trace order,
   * as people read them: labelled as the record shows the value, old and new values as
   * displayed (the trace for people: 性别：男, not {@code /sex ∅ → "1"}). Amendments among them
   * are those {@link #amendments()} lists.
   */
  public List<Amendment> changes(int after) {
    return Amendments.after(resolver, after);
  }

  /**
   * What the value at a pointer into values is called, as the record shows it ({@code 身高},
   * {@code 体温（第2行）}), for messages in the clinician's words; one walk for all asked.
   */
  public java.util.function.UnaryOperator<String> labels() {
    return Amendments.labels(resolver);
  }

  /** Whether the body shows amendments inline (痕迹打印): asked for, and a view. */
  boolean tracesInline() {
    return options.amendments() == AmendmentPrint.INLINE && options.mode() == RenderMode.VIEW;
  }

  /** The amendments of the value at a path, oldest first, noted as shown inline. */
  List<Amendment> traceAt(String path) {
    if (amendedAt == null) {
      amendedAt = new java.util.HashMap<>();
      // by where the value is now (a row taken out before it moves it; one taken out is nowhere)
      amendments().stream().filter(a -> a.now() != null).forEach(a -> amendedAt.computeIfAbsent(
          a.now(), k -> new ArrayList<>()).add(a));
    }
    List<Amendment> at = amendedAt.getOrDefault(path, List.of());
    if (!at.isEmpty()) {
      traced.add(path);
    }
    return at;
  }

  /**
   * Whether the page head is the automatic one: the template has no page header of its own, and
   * a view prints the banner. Then every page is headed, as Chinese records print, by the
   * hospital's name and the patient banner (病历书写基本规范 第三十条: each page names the patient),
   * and the body does not print the banner again under the title; a template's own page header
   * replaces the automatic head, and the banner follows the title once.
   */
  public boolean automaticHead() {
    return resolver.template().pageHeader().isEmpty() && options.banner()
        && options.mode() == RenderMode.VIEW;
  }

  /**
   * Walks the running header: the template's page header (in a view, with the patient's name
   * and 住院号 added to its last line when it shows neither: {@link PatientLine}), or the
   * automatic head (the hospital's name, then the banner items on one line) when the template
   * has none.
   */
  public void header(WalkTarget target) {
    Walker w = new Walker(this, target, includeHidden, entryTemplates);
    if (!automaticHead()) {
      List<org.emrkit.template.Block> own = resolver.template().pageHeader();
      w.blocks(options.mode() == RenderMode.VIEW ? PatientLine.identified(own,
          resolver.record().context().patient()) : own);
      return;
    }
    List<org.emrkit.template.Block> head = new ArrayList<>();
    var hospital = resolver.record().context().org();
    if (hospital != null && hospital.name() != null) {
      head.add(org.emrkit.template.Paragraph.of(org.emrkit.template.Text.of(hospital.name())));
    }
    StringBuilder line = new StringBuilder();
    for (BannerItem i : banner()) {
      line.append(line.length() == 0 ? "" : "　").append(i.label()).append("：")
          .append(i.value());
    }
    if (line.length() > 0) {
      head.add(org.emrkit.template.Paragraph.of(org.emrkit.template.Text.of(line.toString())));
    }
    w.blocks(head);
  }

  /** The automatic page footer of a view whose template has none: 第 N 页 / 共 M 页. */
  private static final List<org.emrkit.template.Block> PAGE_FOOTER = List.of(
      org.emrkit.template.Paragraph.of(org.emrkit.template.Text.of("第 "),
          new org.emrkit.template.PageNumber(org.emrkit.template.PageNumber.Kind.PAGE),
          org.emrkit.template.Text.of(" 页 / 共 "),
          new org.emrkit.template.PageNumber(org.emrkit.template.PageNumber.Kind.PAGES),
          org.emrkit.template.Text.of(" 页")));

  /**
   * Walks the body: the title, the banner (when on, and not in the automatic head), the blocks (amended fields traced when the
   * options ask for 痕迹打印), the end mark (when asked), then the 修改记录 page when the options
   * ask for one and there is something to put on it.
   */
  public void body(WalkTarget target) {
    target.title(title());
    if (options.banner() && !automaticHead()) {
      target.banner(banner());
    }
    Walker w = new Walker(this, target, includeHidden, entryTemplates);
    w.traceAmendments(tracesInline());
    w.blocks(resolver.template().blocks());
    if (options.endMark()) {
      target.endMark(END_MARK);
    }
    if (options.mode() == RenderMode.VIEW && options.amendments() != AmendmentPrint.NONE) {
      List<Amendment> page = amendments().stream()
          .filter(a -> options.amendments() == AmendmentPrint.APPENDIX
              || a.now() == null || !traced.contains(a.now()))
          .toList();
      if (!page.isEmpty()) {
        target.pageBreak();
        target.title(AMENDMENTS_TITLE);
        new Walker(this, target, false, false).blocks(AmendmentTable.of(page));
      }
    }
  }

  /**
   * Walks the running footer's blocks (in a view of a template with none, 第 N 页 / 共 M 页),
   * then the print stamp (when someone prints).
   */
  public void footer(WalkTarget target) {
    List<org.emrkit.template.Block> footer = resolver.template().pageFooter();
    new Walker(this, target, includeHidden, entryTemplates).blocks(
        footer.isEmpty() && options.mode() == RenderMode.VIEW ? PAGE_FOOTER : footer);
    stamp().ifPresent(target::stamp);
  }

  /**
   * Walks the blocks of every area, header, footer and body, without title, banner, end mark or
   * stamp: what validation needs.
   */
  public void blocks(WalkTarget target) {
    Walker w = new Walker(this, target, includeHidden, entryTemplates);
    Template t = resolver.template();
    w.blocks(t.pageHeader());
    w.blocks(t.pageFooter());
    w.blocks(t.blocks());
  }

  /** Expressions that could not be evaluated in visible content, in the order met. */
  public List<ExpressionProblem> problems() {
    return Collections.unmodifiableList(problems);
  }

  void problem(ExpressionProblem p) {
    problems.add(p);
  }

  /** Configures a walk. */
  public static final class Builder {
    private final Resolver resolver;
    private RenderOptions options = RenderOptions.defaults();
    private boolean includeHidden;
    private boolean entryTemplates;

    private Builder(Resolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** The render options (title, banner, end mark, stamp). */
    public Builder options(RenderOptions o) {
      this.options = Objects.requireNonNull(o, "options");
      return this;
    }

    /**
     * Whether content that does not show is walked too, flagged as not visible (edit forms,
     * validation); default false.
     */
    public Builder includeHidden(boolean on) {
      this.includeHidden = on;
      return this;
    }

    /** Whether each group ends with an empty template entry (edit forms); default false. */
    public Builder entryTemplates(boolean on) {
      this.entryTemplates = on;
      return this;
    }

    /** The walk. */
    public RecordWalk build() {
      return new RecordWalk(this);
    }
  }
}

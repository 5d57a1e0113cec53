package org.emrkit.template;

import java.util.function.Consumer;

/**
 * Builds a {@link Section}. The id defaults to one derived from the title
 * ({@link #deriveId(String)}). Not thread-safe.
 */
public final class SectionBuilder extends BlocksBuilder<SectionBuilder> {
  private final String title;
  private String id;
  private boolean required;
  private String dataElement;
  private String code;
  private Expression when;

  SectionBuilder(String title) {
    this.title = title;
  }

  @Override
  SectionBuilder self() {
    return this;
  }

  /** Sets the section id. */
  public SectionBuilder id(String id) {
    this.id = id;
    return this;
  }

  /** Marks the section required. */
  public SectionBuilder required() {
    this.required = true;
    return this;
  }

  /** Sets the data-element id. */
  public SectionBuilder dataElement(String dataElement) {
    this.dataElement = dataElement;
    return this;
  }

  /** Sets the section code, {@code SYSTEM:CODE}. */
  public SectionBuilder code(String code) {
    this.code = code;
    return this;
  }

  /** Sets the condition under which the section is shown. */
  public SectionBuilder when(String condition) {
    this.when = condition == null ? null : new Expression(condition);
    return this;
  }

  /** Adds a subsection; content added after it follows it. */
  public SectionBuilder section(String subTitle, Consumer<SectionBuilder> body) {
    SectionBuilder b = new SectionBuilder(subTitle);
    body.accept(b);
    return block(b.build());
  }

  /** Builds the section. */
  public Section build() {
    return new Section(id != null ? id : deriveId(title), title, required, dataElement, code,
        when, blocks);
  }

  /**
   * The default id of a section with this title: a lower-case ASCII slug where the title has
   * ASCII letters or digits ({@code "Physical Exam"} → {@code physical-exam}); otherwise the
   * title's code points in hex ({@code 主诉} → {@code u4e3b-8bc9}). Stable for a given title.
   */
  public static String deriveId(String title) {
    String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    if (!slug.isEmpty()) {
      return slug.length() > 100 ? slug.substring(0, 100) : slug;
    }
    StringBuilder sb = new StringBuilder("u");
    title.codePoints().filter(cp -> !Character.isWhitespace(cp)).limit(24).forEach(cp -> {
      if (sb.length() > 1) {
        sb.append('-');
      }
      sb.append(Integer.toHexString(cp));
    });
    return sb.toString();
  }
}

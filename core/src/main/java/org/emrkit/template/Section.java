package org.emrkit.template;

import java.util.List;
import java.util.Objects;

/**
 * A titled section of a record (DSL: a {@code ##} heading), e.g. 主诉 or 体格检查.
 *
 * <p>Children are blocks in order; content may follow a subsection (the DSL closes a section with
 * {@code {/}}). Sections nest at most {@link TemplateLimits#MAX_SECTION_DEPTH} deep and live only
 * in a template or another section.
 *
 * <p>A <b>run-in</b> section (DSL: a bold label with attributes at the start of a paragraph,
 * {@code **主诉：**{#cc required}}) is that one paragraph: it prints as the paragraph with its
 * title, in bold and followed by "：", in front, never as a heading of its own.
 *
 * @param id stable id, unique in the template ({@code [A-Za-z0-9][A-Za-z0-9_-]*})
 * @param title the heading text, one line
 * @param required whether the section must have content before the record can be signed
 * @param dataElement data-element id (WS 363 / WS 445, e.g. {@code DE04.01.119.00}) or {@code null}
 * @param code section code {@code SYSTEM:CODE} (e.g. {@code LOINC:10154-3}) or {@code null}
 * @param when the condition under which the section is shown and validated, or {@code null}
 * @param children the content
 * @param runIn whether the section is a run-in heading; its children are then one paragraph
 * @param newPage whether the section starts a new printed page (the back of a 住院病案首页)
 */
public record Section(String id, String title, boolean required, String dataElement, String code,
    Expression when, List<Block> children, boolean runIn, boolean newPage) implements Block {

  /** Checks the attributes and the order of children. */
  public Section {
    Ids.checkId(id, "section id");
    Objects.requireNonNull(title, "title");
    if (title.isBlank() || title.length() > 200 || title.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("section title must be one line of 1 to 200 characters");
    }
    Ids.checkDataElement(dataElement);
    Ids.checkCode(code);
    children = List.copyOf(children);
    if (runIn && (children.size() != 1 || !(children.get(0) instanceof Paragraph))) {
      throw new IllegalArgumentException("run-in section " + id + " must hold exactly one "
          + "paragraph");
    }
    if (runIn && (!title.equals(title.strip()) || title.endsWith("：") || title.endsWith(":"))) {
      throw new IllegalArgumentException("run-in section " + id + ": the title has no colon or "
          + "space at its ends (the colon is printed after it)");
    }
    if (runIn && newPage) {
      throw new IllegalArgumentException("run-in section " + id + " cannot start a new page");
    }
  }

  /** A section that starts no new page. */
  public Section(String id, String title, boolean required, String dataElement, String code,
      Expression when, List<Block> children, boolean runIn) {
    this(id, title, required, dataElement, code, when, children, runIn, false);
  }

  /** A section printed under its heading (not run in). */
  public Section(String id, String title, boolean required, String dataElement, String code,
      Expression when, List<Block> children) {
    this(id, title, required, dataElement, code, when, children, false, false);
  }

  /** Starts a builder for a section with this title. */
  public static SectionBuilder builder(String title) {
    return new SectionBuilder(title);
  }

  @Override
  public <R> R accept(BlockVisitor<R> visitor) {
    return visitor.visitSection(this);
  }
}

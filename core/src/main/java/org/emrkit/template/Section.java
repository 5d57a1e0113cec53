package org.emrkit.template;

import java.util.List;
import java.util.Objects;

/**
 * A titled section of a record (DSL: a {@code ##} heading), e.g. 主诉 or 体格检查.
 *
 * <p>Children are blocks; subsections come after all other children (as in the DSL, where a
 * heading takes everything up to the next heading of its level). Sections nest at most
 * {@link TemplateLimits#MAX_SECTION_DEPTH} deep and live only in a template or another section.
 *
 * @param id stable id, unique in the template ({@code [A-Za-z0-9][A-Za-z0-9_-]*})
 * @param title the heading text, one line
 * @param required whether the section must have content before the record can be signed
 * @param dataElement data-element id (WS 363 / WS 445, e.g. {@code DE04.01.119.00}) or {@code null}
 * @param code section code {@code SYSTEM:CODE} (e.g. {@code LOINC:10154-3}) or {@code null}
 * @param when the condition under which the section is shown and validated, or {@code null}
 * @param children the content
 */
public record Section(String id, String title, boolean required, String dataElement, String code,
    Expression when, List<Block> children) implements Block {

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
    Ids.checkSectionsLast(children, "section " + id);
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

package org.emrkit.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds a {@link Template} in Java:
 *
 * <pre>{@code
 * Template t = Template.builder("admission-record", "1.0.0", "入院记录")
 *     .documentType("admission-record")
 *     .section("主诉", s -> s.id("chief-complaint").required().dataElement("DE04.01.119.00")
 *         .line(Field.builder("chiefComplaint", FieldType.TEXT).required().maxLength(20)))
 *     .build();
 * }</pre>
 *
 * Not thread-safe; {@link #build} checks the whole template.
 */
public final class TemplateBuilder extends BlocksBuilder<TemplateBuilder> {
  private final String id;
  private final String version;
  private final String title;
  private String heading;
  private String documentType;
  private String department;
  private String locale;
  private PageSetup page;
  private final Map<String, String> metadata = new LinkedHashMap<>();
  private final List<ValueSet> valueSets = new ArrayList<>();
  private List<Block> pageHeader = List.of();
  private List<Block> pageFooter = List.of();

  TemplateBuilder(String id, String version, String title) {
    this.id = id;
    this.version = version;
    this.title = title;
  }

  @Override
  TemplateBuilder self() {
    return this;
  }

  /** Sets the printed document title. */
  public TemplateBuilder heading(String heading) {
    this.heading = heading;
    return this;
  }

  /** Sets the document type. */
  public TemplateBuilder documentType(String documentType) {
    this.documentType = documentType;
    return this;
  }

  /** Sets the department. */
  public TemplateBuilder department(String department) {
    this.department = department;
    return this;
  }

  /** Sets the locale (default {@code zh-CN}). */
  public TemplateBuilder locale(String locale) {
    this.locale = locale;
    return this;
  }

  /** Sets paper, orientation and margins (default {@link PageSetup#DEFAULT}). */
  public TemplateBuilder page(PageSetup page) {
    this.page = page;
    return this;
  }

  /** Adds a metadata entry. */
  public TemplateBuilder metadata(String key, String value) {
    metadata.put(key, value);
    return this;
  }

  /** Adds a value set. */
  public TemplateBuilder valueSet(ValueSet valueSet) {
    valueSets.add(valueSet);
    return this;
  }

  /** Sets the page header. */
  public TemplateBuilder pageHeader(Consumer<ContentBuilder> body) {
    ContentBuilder b = new ContentBuilder();
    body.accept(b);
    pageHeader = b.build();
    return this;
  }

  /** Sets the page footer. */
  public TemplateBuilder pageFooter(Consumer<ContentBuilder> body) {
    ContentBuilder b = new ContentBuilder();
    body.accept(b);
    pageFooter = b.build();
    return this;
  }

  /** Adds a top-level section (after all other top-level content). */
  public TemplateBuilder section(String sectionTitle, Consumer<SectionBuilder> body) {
    SectionBuilder b = new SectionBuilder(sectionTitle);
    body.accept(b);
    return block(b.build());
  }

  /** Builds the template; throws {@link IllegalArgumentException} naming what is wrong. */
  public Template build() {
    return new Template(id, version, title, heading, documentType, department, locale, page,
        metadata, valueSets, pageHeader, pageFooter, blocks);
  }
}

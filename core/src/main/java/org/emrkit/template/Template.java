package org.emrkit.template;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A record template: the form clinicians fill (入院记录, 手术记录 ...). Immutable and thread-safe;
 * the constructor checks everything no single block can: names unique per scope, value-set
 * references, ids, nesting depths, page numbers only in page areas. Build one with
 * {@link #builder}, from EMR Markdown with the DSL compiler, or from template JSON.
 *
 * @param id template id, {@code [a-z0-9][a-z0-9-]*}
 * @param version semantic version, e.g. {@code 1.0.0}
 * @param title title, one line
 * @param heading the document title printed at the top (DSL {@code #} heading), or {@code null}
 * @param documentType document type linking the template to writing-standard rules (e.g.
 *     {@code admission-record}), or {@code null}
 * @param department department, or {@code null}
 * @param locale locale tag, default {@code zh-CN}
 * @param page paper, orientation and margins
 * @param metadata further key/value pairs (front-matter keys this model has no member for),
 *     sorted by key
 * @param valueSets value sets defined by the template, ids unique
 * @param pageHeader running content at the top of every printed page
 * @param pageFooter running content at the bottom of every printed page
 * @param blocks the content
 */
public record Template(String id, String version, String title, String heading,
    String documentType, String department, String locale, PageSetup page,
    Map<String, String> metadata, List<ValueSet> valueSets, List<Block> pageHeader,
    List<Block> pageFooter, List<Block> blocks) {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
  private static final Pattern SEMVER = Pattern.compile(
      "(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})(-[0-9A-Za-z.-]{1,40})?");
  private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");
  private static final Pattern META_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
  /** Front-matter keys with a member of their own; metadata cannot use them. */
  private static final java.util.Set<String> RESERVED = java.util.Set.of("id", "version", "title",
      "heading", "documentType", "department", "locale", "paper", "orientation", "margins");

  /** Checks the attributes and the whole content. */
  public Template {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("bad template id \"" + id
          + "\": expected [a-z0-9][a-z0-9-]*");
    }
    Objects.requireNonNull(version, "version");
    if (!SEMVER.matcher(version).matches()) {
      throw new IllegalArgumentException("bad version \"" + version
          + "\": expected a semantic version like 1.0.0");
    }
    checkLine(title, "title");
    Objects.requireNonNull(title, "title");
    checkLine(heading, "heading");
    if (documentType != null && !ID.matcher(documentType).matches()) {
      throw new IllegalArgumentException("bad documentType \"" + documentType + "\"");
    }
    checkLine(department, "department");
    locale = locale == null ? "zh-CN" : locale;
    if (!LOCALE.matcher(locale).matches()) {
      throw new IllegalArgumentException("bad locale \"" + locale + "\"");
    }
    page = page == null ? PageSetup.DEFAULT : page;
    TreeMap<String, String> meta = new TreeMap<>(metadata == null ? Map.of() : metadata);
    meta.forEach((k, v) -> {
      if (!META_KEY.matcher(k).matches() || RESERVED.contains(k)) {
        throw new IllegalArgumentException("bad metadata key \"" + k + "\"");
      }
      checkLine(Objects.requireNonNull(v, "metadata value"), "metadata " + k);
    });
    metadata = Collections.unmodifiableMap(meta);
    valueSets = List.copyOf(valueSets == null ? List.of() : valueSets);
    pageHeader = List.copyOf(pageHeader == null ? List.of() : pageHeader);
    pageFooter = List.copyOf(pageFooter == null ? List.of() : pageFooter);
    blocks = List.copyOf(blocks);
    Ids.checkNoSections(pageHeader, "page header");
    Ids.checkNoSections(pageFooter, "page footer");
    TemplateChecks.check(valueSets, pageHeader, pageFooter, blocks);
  }

  /** Starts a builder. */
  public static TemplateBuilder builder(String id, String version, String title) {
    return new TemplateBuilder(id, version, title);
  }

  /** The value set defined in this template with this id. */
  public Optional<ValueSet> valueSet(String valueSetId) {
    for (ValueSet v : valueSets) {
      if (v.id().equals(valueSetId)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /**
   * The names this template defines, as a record's values hold them: worked out (a walk over the
   * template) the first time it is asked of this template, and kept for the 64 templates asked
   * last.
   */
  public FieldScope scope() {
    return SCOPES.get(this);
  }

  // worked out once per template: every rendering and validation asks for it, some several times
  private static final PerTemplate<FieldScope> SCOPES = new PerTemplate<>(
      t -> TemplateChecks.check(t.valueSets, t.pageHeader, t.pageFooter, t.blocks));

  /** {@code id@version}, the way records refer to a template. */
  public String reference() {
    return id + "@" + version;
  }

  private static void checkLine(String value, String what) {
    if (value != null && (value.isBlank() || value.length() > 200 || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0)) {
      throw new IllegalArgumentException(what + " must be one line of 1 to 200 characters");
    }
  }
}

package org.emrkit.edit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.emrkit.template.Field;
import org.emrkit.template.FieldScope;
import org.emrkit.template.FieldType;
import org.emrkit.template.PerTemplate;
import org.emrkit.template.SectionNames;
import org.emrkit.template.Template;

/**
 * Where the names of a template's root scope lie: in which sections (outermost first), and which
 * names each section holds. What the edit session needs for section permissions and section
 * signatures. Package-private; computed once per session.
 */
final class Layout {

  final Template template;
  final FieldScope root;
  final SectionNames sectionNames;

  private static final PerTemplate<Layout> LAYOUTS = new PerTemplate<>(Layout::new);

  /** The layout of a template (worked out once per template; a layout is read-only). */
  static Layout of(Template template) {
    return LAYOUTS.get(template);
  }

  /**
   * Per scope of {@link #root}: the names of its signature fields and of its groups that hold
   * one, in name order (as values list them). The audit looks signature values up by these
   * instead of visiting every value of every entry.
   */
  private final Map<PerTemplate.Same<FieldScope>, List<String>> signedNames = new HashMap<>();

  Layout(Template template) {
    this.template = template;
    this.root = template.scope();
    this.sectionNames = SectionNames.of(template);
    signed(root);
  }

  /** See {@link #signedNames}: {@code scope} is {@link #root} or a group under it. */
  List<String> signedNames(FieldScope scope) {
    return signedNames.get(new PerTemplate.Same<>(scope));
  }

  private boolean signed(FieldScope scope) {
    TreeSet<String> names = new TreeSet<>();
    signatureFields(scope).forEach(f -> names.add(f.name()));
    scope.groups().forEach((name, g) -> {
      if (signed(g)) {
        names.add(name);
      }
    });
    signedNames.put(new PerTemplate.Same<>(scope), List.copyOf(names));
    return !names.isEmpty();
  }

  /** The sections (outermost first) the root-scope name lies in; empty when none. */
  List<String> sections(String rootName) {
    return sectionNames.sections(rootName);
  }

  /** Whether the template has a section of this id. */
  boolean hasSection(String id) {
    return sectionNames.hasSection(id);
  }

  /** The root-scope names inside the section (its subsections included). */
  Set<String> names(String sectionId) {
    return sectionNames.names(sectionId);
  }

  /** The signature fields of a scope, in template order. */
  static List<Field> signatureFields(FieldScope scope) {
    List<Field> out = new ArrayList<>();
    for (Field f : scope.fields().values()) {
      if (f.type() == FieldType.SIGNATURE) {
        out.add(f);
      }
    }
    return out;
  }
}

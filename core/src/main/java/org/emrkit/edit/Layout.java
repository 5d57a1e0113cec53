package org.emrkit.edit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emrkit.template.Block;
import org.emrkit.template.BlockVisitor;
import org.emrkit.template.Cell;
import org.emrkit.template.Conditional;
import org.emrkit.template.Field;
import org.emrkit.template.FieldScope;
import org.emrkit.template.FieldType;
import org.emrkit.template.Inline;
import org.emrkit.template.Paragraph;
import org.emrkit.template.RepeatGroup;
import org.emrkit.template.Section;
import org.emrkit.template.Table;
import org.emrkit.template.Template;

/**
 * Where the names of a template's root scope lie: in which sections (outermost first), and which
 * names each section holds. What the edit session needs for section permissions and section
 * signatures. Package-private; computed once per session.
 */
final class Layout implements BlockVisitor<Void> {

  final Template template;
  final FieldScope root;
  private final Map<String, List<String>> sectionsOfName = new HashMap<>();
  private final Map<String, Set<String>> namesOfSection = new HashMap<>();
  private final Deque<String> open = new ArrayDeque<>();
  private int groupDepth;

  private static final PerTemplate<Layout> LAYOUTS = new PerTemplate<>(Layout::new);

  /** The layout of a template (worked out once per template; a layout is read-only). */
  static Layout of(Template template) {
    return LAYOUTS.get(template);
  }

  Layout(Template template) {
    this.template = template;
    this.root = template.scope();
    for (Block b : template.blocks()) {
      b.accept(this);
    }
  }

  /** The sections (outermost first) the root-scope name lies in; empty when none. */
  List<String> sections(String rootName) {
    return sectionsOfName.getOrDefault(rootName, List.of());
  }

  /** Whether the template has a section of this id. */
  boolean hasSection(String id) {
    return namesOfSection.containsKey(id);
  }

  /** The root-scope names inside the section (its subsections included). */
  Set<String> names(String sectionId) {
    return namesOfSection.getOrDefault(sectionId, Set.of());
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

  private void name(String name) {
    if (groupDepth > 0) {
      return;
    }
    List<String> chain = Collections.unmodifiableList(new ArrayList<>(reversed()));
    sectionsOfName.putIfAbsent(name, chain);
    for (String s : chain) {
      namesOfSection.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(name);
    }
  }

  private List<String> reversed() {
    List<String> out = new ArrayList<>(open);
    Collections.reverse(out);
    return out;
  }

  @Override
  public Void visitSection(Section section) {
    open.push(section.id());
    namesOfSection.computeIfAbsent(section.id(), k -> new LinkedHashSet<>());
    section.children().forEach(b -> b.accept(this));
    open.pop();
    return null;
  }

  @Override
  public Void visitParagraph(Paragraph paragraph) {
    for (Inline i : paragraph.inlines()) {
      if (i instanceof Field f) {
        name(f.name());
      }
    }
    return null;
  }

  @Override
  public Void visitTable(Table table) {
    if (table.repeating()) {
      name(table.id());
      groupDepth++;
    }
    for (Cell c : table.cells()) {
      c.content().forEach(b -> b.accept(this));
    }
    if (table.repeating()) {
      groupDepth--;
    }
    return null;
  }

  @Override
  public Void visitRepeatGroup(RepeatGroup group) {
    name(group.id());
    groupDepth++;
    group.children().forEach(b -> b.accept(this));
    groupDepth--;
    return null;
  }

  @Override
  public Void visitConditional(Conditional conditional) {
    conditional.children().forEach(b -> b.accept(this));
    return null;
  }
}

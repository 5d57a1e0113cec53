package org.emrkit.template;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the names of a template's root scope lie: in which sections (outermost first), and which
 * names each section holds. What section permissions, section signatures and the question "does
 * this signature cover that value" need. Read-only once built; {@link #of} walks the template.
 */
public final class SectionNames {

  private final Map<String, List<String>> sectionsOfName = new HashMap<>();
  private final Map<String, Set<String>> namesOfSection = new HashMap<>();

  private SectionNames() {}

  /** Works out where the names of the template's root scope lie. */
  public static SectionNames of(Template template) {
    SectionNames n = new SectionNames();
    Visitor v = n.new Visitor();
    for (Block b : template.blocks()) {
      b.accept(v);
    }
    return n;
  }

  /** The sections (outermost first) the root-scope name lies in; empty when none. */
  public List<String> sections(String rootName) {
    return sectionsOfName.getOrDefault(rootName, List.of());
  }

  /** Whether the template has a section of this id. */
  public boolean hasSection(String id) {
    return namesOfSection.containsKey(id);
  }

  /** The root-scope names inside the section (its subsections included). */
  public Set<String> names(String sectionId) {
    return namesOfSection.getOrDefault(sectionId, Set.of());
  }

  /** The first token of a JSON pointer into values ({@code /diagnoses/0/code} → diagnoses). */
  public static String rootName(String pointer) {
    int end = pointer.indexOf('/', 1);
    return end < 0 ? pointer.substring(1) : pointer.substring(1, end);
  }

  private final class Visitor implements BlockVisitor<Void> {
    private final Deque<String> open = new ArrayDeque<>();
    private int groupDepth;

    private void name(String name) {
      if (groupDepth > 0) {
        return;
      }
      List<String> chain = new ArrayList<>(open);
      Collections.reverse(chain);
      List<String> fixed = Collections.unmodifiableList(chain);
      sectionsOfName.putIfAbsent(name, fixed);
      for (String s : fixed) {
        namesOfSection.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(name);
      }
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
}

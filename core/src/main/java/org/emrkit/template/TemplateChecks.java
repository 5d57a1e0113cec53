package org.emrkit.template;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a template once, checking what no single block can check on its own, and collects its
 * {@link FieldScope}s (package-private). Locations in messages are JSON pointers into the
 * template JSON, e.g. {@code /blocks/2/children/0/inlines/1}.
 */
final class TemplateChecks implements BlockVisitor<Void> {

  private static final class ScopeDraft {
    final String id;
    final int min;
    final Integer max;
    final Map<String, Field> fields = new LinkedHashMap<>();
    final Map<String, ScopeDraft> groups = new LinkedHashMap<>();
    final Map<String, String> where = new HashMap<>();

    ScopeDraft(String id, int min, Integer max) {
      this.id = id;
      this.min = min;
      this.max = max;
    }

    FieldScope freeze() {
      Map<String, FieldScope> frozen = new LinkedHashMap<>();
      groups.forEach((k, v) -> frozen.put(k, v.freeze()));
      return new FieldScope(id, min, max, fields, frozen);
    }
  }

  private final Set<String> valueSetIds = new HashSet<>();
  private final Set<String> sectionIds = new HashSet<>();
  private final Set<String> tableIds = new HashSet<>();
  private final Deque<ScopeDraft> scopes = new ArrayDeque<>();
  private final StringBuilder path = new StringBuilder();
  private boolean inPageArea;
  private int depth;
  private int sectionDepth;
  private int fieldCount;

  private TemplateChecks(List<ValueSet> valueSets) {
    for (ValueSet v : valueSets) {
      if (!valueSetIds.add(v.id())) {
        throw new TemplateException("/valueSets", "value set " + v.id() + " is defined twice");
      }
    }
    scopes.push(new ScopeDraft(null, 0, null));
  }

  /** Checks the template's content and returns its root scope. */
  static FieldScope check(List<ValueSet> valueSets, List<Block> header, List<Block> footer,
      List<Block> blocks) {
    TemplateChecks checks = new TemplateChecks(valueSets);
    checks.inPageArea = true;
    checks.walk("/pageHeader", header);
    checks.walk("/pageFooter", footer);
    checks.inPageArea = false;
    checks.walk("/blocks", blocks);
    return checks.scopes.peek().freeze();
  }

  private void walk(String member, List<Block> blocks) {
    int mark = path.length();
    path.append(member);
    for (int i = 0; i < blocks.size(); i++) {
      int itemMark = path.length();
      path.append('/').append(i);
      if (++depth > TemplateLimits.MAX_BLOCK_DEPTH) {
        throw new TemplateException(at(), "blocks nested more than "
            + TemplateLimits.MAX_BLOCK_DEPTH + " deep");
      }
      blocks.get(i).accept(this);
      depth--;
      path.setLength(itemMark);
    }
    path.setLength(mark);
  }

  private String at() {
    return path.toString();
  }

  @Override
  public Void visitSection(Section section) {
    if (!sectionIds.add(section.id())) {
      throw new TemplateException(at(), "section id " + section.id() + " is used twice");
    }
    if (++sectionDepth > TemplateLimits.MAX_SECTION_DEPTH) {
      throw new TemplateException(at(), "sections nested more than "
          + TemplateLimits.MAX_SECTION_DEPTH + " deep");
    }
    walk("/children", section.children());
    sectionDepth--;
    return null;
  }

  @Override
  public Void visitParagraph(Paragraph paragraph) {
    List<Inline> inlines = paragraph.inlines();
    for (int i = 0; i < inlines.size(); i++) {
      Inline inline = inlines.get(i);
      if (inline instanceof Field f) {
        declareField(f, path + "/inlines/" + i);
      } else if (inline instanceof PageNumber && !inPageArea) {
        throw new TemplateException(path + "/inlines/" + i,
            "page numbers belong in the page header or footer");
      }
    }
    return null;
  }

  @Override
  public Void visitTable(Table table) {
    if (table.id() != null && !tableIds.add(table.id())) {
      throw new TemplateException(at(), "table id " + table.id() + " is used twice");
    }
    ScopeDraft rowScope = null;
    if (table.repeating()) {
      rowScope = declareGroup(table.id(), table.minRows(), table.maxRows());
    }
    List<Cell> cells = table.cells();
    for (int i = 0; i < cells.size(); i++) {
      Cell cell = cells.get(i);
      boolean inTemplateRow = rowScope != null && cell.row() == table.rows() - 1;
      if (inTemplateRow) {
        scopes.push(rowScope);
      }
      walk("/cells/" + i + "/content", cell.content());
      if (inTemplateRow) {
        scopes.pop();
      }
    }
    return null;
  }

  @Override
  public Void visitRepeatGroup(RepeatGroup group) {
    scopes.push(declareGroup(group.id(), group.min(), group.max()));
    walk("/children", group.children());
    scopes.pop();
    return null;
  }

  @Override
  public Void visitConditional(Conditional conditional) {
    walk("/children", conditional.children());
    return null;
  }

  private void declareField(Field f, String where) {
    if (++fieldCount > TemplateLimits.MAX_FIELDS) {
      throw new TemplateException(where, "more than " + TemplateLimits.MAX_FIELDS
          + " fields");
    }
    ScopeDraft scope = scopes.peek();
    claim(scope, f.name(), where);
    scope.fields.put(f.name(), f);
    if (f.valueSet() != null && !f.valueSet().isHost()
        && !valueSetIds.contains(f.valueSet().id())) {
      throw new TemplateException(where, "field " + f.name()
          + " refers to value set @" + f.valueSet().id() + ", which the template does not define");
    }
  }

  private ScopeDraft declareGroup(String id, int min, Integer max) {
    ScopeDraft scope = scopes.peek();
    claim(scope, id, at());
    ScopeDraft group = new ScopeDraft(id, min, max);
    scope.groups.put(id, group);
    return group;
  }

  private void claim(ScopeDraft scope, String name, String where) {
    String first = scope.where.putIfAbsent(name, where);
    if (first != null) {
      String scopeName = scope.id == null ? "the template" : "group " + scope.id;
      throw new TemplateException(where, "duplicate name " + name + " in " + scopeName
          + " (first at " + first + ")");
    }
  }
}

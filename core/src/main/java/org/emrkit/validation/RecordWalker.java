package org.emrkit.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.emrkit.expr.Evaluation;
import org.emrkit.record.Values;
import org.emrkit.template.Block;
import org.emrkit.template.BlockVisitor;
import org.emrkit.template.Cell;
import org.emrkit.template.Conditional;
import org.emrkit.template.Expression;
import org.emrkit.template.Field;
import org.emrkit.template.Inline;
import org.emrkit.template.Paragraph;
import org.emrkit.template.RepeatGroup;
import org.emrkit.template.Section;
import org.emrkit.template.Table;
import org.emrkit.template.Template;

/** Walks a template with a record's values, once per validation (package-private). */
final class RecordWalker implements BlockVisitor<Void> {

  private final RecordContext context;
  private final List<FieldValue> fields;
  private final List<GroupValue> groups;
  private final List<RecordContext.ExpressionProblem> problems;
  private final Deque<Section> sections = new ArrayDeque<>();
  private Values scope;
  private String prefix = "/values";
  private boolean active = true;

  RecordWalker(RecordContext context, List<FieldValue> fields, List<GroupValue> groups,
      List<RecordContext.ExpressionProblem> problems) {
    this.context = context;
    this.fields = fields;
    this.groups = groups;
    this.problems = problems;
  }

  void walk(Template t, Values values) {
    scope = values;
    blocks(t.pageHeader());
    blocks(t.pageFooter());
    blocks(t.blocks());
  }

  private void blocks(List<Block> blocks) {
    for (Block b : blocks) {
      b.accept(this);
    }
  }

  private boolean holds(Expression e, String path) {
    Evaluation r = context.evaluate(e, scope);
    if (r.failed()) {
      problems.add(new RecordContext.ExpressionProblem(path, e.source(), r.error()));
      return true; // an expression that cannot be evaluated does not hide content
    }
    return r.isTrue();
  }

  @Override
  public Void visitSection(Section s) {
    boolean was = active;
    active = active && (s.when() == null || holds(s.when(), prefix));
    sections.addLast(s);
    blocks(s.children());
    sections.removeLast();
    active = was;
    return null;
  }

  @Override
  public Void visitParagraph(Paragraph p) {
    for (Inline i : p.inlines()) {
      if (i instanceof Field f) {
        String path = prefix + "/" + f.name();
        boolean on = active && (f.when() == null || holds(f.when(), path));
        fields.add(new FieldValue(f, path, scope.get(f.name()).orElse(null), on, scope,
            List.copyOf(sections)));
      }
    }
    return null;
  }

  @Override
  public Void visitTable(Table t) {
    if (!t.repeating()) {
      for (Cell c : t.cells()) {
        blocks(c.content());
      }
      return null;
    }
    List<Values> rows = scope.rows(t.id());
    String path = prefix + "/" + t.id();
    groups.add(new GroupValue(t.id(), path, rows.size(), t.minRows(), t.maxRows(), true, active));
    for (Cell c : t.cells()) {
      if (c.row() < t.rows() - 1) {
        blocks(c.content());
      }
    }
    List<Block> template = new ArrayList<>();
    for (Cell c : t.cells()) {
      if (c.row() == t.rows() - 1) {
        template.addAll(c.content());
      }
    }
    inRows(rows, path, template);
    return null;
  }

  @Override
  public Void visitRepeatGroup(RepeatGroup g) {
    List<Values> rows = scope.rows(g.id());
    String path = prefix + "/" + g.id();
    groups.add(new GroupValue(g.id(), path, rows.size(), g.min(), g.max(), false, active));
    inRows(rows, path, g.children());
    return null;
  }

  private void inRows(List<Values> rows, String path, List<Block> content) {
    Values outerScope = scope;
    String outerPrefix = prefix;
    for (int i = 0; i < rows.size(); i++) {
      scope = rows.get(i);
      prefix = path + "/" + i;
      blocks(content);
    }
    scope = outerScope;
    prefix = outerPrefix;
  }

  @Override
  public Void visitConditional(Conditional c) {
    boolean was = active;
    active = active && holds(c.condition(), prefix);
    blocks(c.children());
    active = was;
    return null;
  }
}

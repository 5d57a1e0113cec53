package org.emrkit.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.emrkit.expr.Evaluation;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Block;
import org.emrkit.template.BlockVisitor;
import org.emrkit.template.Cell;
import org.emrkit.template.Conditional;
import org.emrkit.template.Expression;
import org.emrkit.template.Field;
import org.emrkit.template.Inline;
import org.emrkit.template.LineBreak;
import org.emrkit.template.PageNumber;
import org.emrkit.template.Paragraph;
import org.emrkit.template.RepeatGroup;
import org.emrkit.template.Section;
import org.emrkit.template.Table;
import org.emrkit.template.Text;
import org.emrkit.template.TextStyle;

/** One walk of blocks for a {@link RecordWalk}: keeps scope, path and visibility. */
final class Walker implements BlockVisitor<Void> {

  private final RecordWalk walk;
  private final Resolver resolver;
  private final WalkTarget target;
  private final boolean includeHidden;
  private final boolean entryTemplates;
  private final Deque<Section> sections = new ArrayDeque<>();
  /** The sections around the walk as a list, made when they change (it was a copy per field). */
  private List<Section> sectionList = List.of();
  /** A run-in section's label ("主诉："), put in front of its paragraph. */
  private String runIn;
  private Values scope;
  private String prefix = "/values";
  private boolean visible = true;
  private boolean inTemplate;
  private int level;
  private CellView cell;
  private boolean traceAmendments;
  private final LabelCache labels;
  private final boolean fieldsOnly;

  Walker(RecordWalk walk, WalkTarget target, boolean includeHidden, boolean entryTemplates) {
    this.walk = walk;
    this.resolver = walk.resolver();
    this.target = target;
    this.includeHidden = includeHidden;
    this.entryTemplates = entryTemplates;
    this.scope = resolver.record().values();
    this.labels = LabelCache.of(resolver.template());
    this.fieldsOnly = target.fieldsOnly();
  }

  /** Whether visible fields carry their amendments (痕迹打印). */
  void traceAmendments(boolean on) {
    this.traceAmendments = on;
  }

  void blocks(List<Block> blocks) {
    for (Block b : blocks) {
      b.accept(this);
    }
  }

  /**
   * Whether a condition holds; one that cannot be evaluated holds (it does not hide content),
   * and is reported when the content around it shows.
   */
  private boolean holds(Expression e, String path) {
    if (e == null) {
      return true;
    }
    if (!visible && !includeHidden) {
      return false;
    }
    Evaluation r = resolver.evaluate(e, scope);
    if (r.failed()) {
      if (visible) {
        walk.problem(new ExpressionProblem(path, e.source(), r.error()));
      }
      return true;
    }
    return r.isTrue();
  }

  @Override
  public Void visitSection(Section s) {
    boolean holds = holds(s.when(), prefix);
    boolean outer = visible;
    if (!(outer && holds) && !includeHidden) {
      return null;
    }
    visible = outer && holds;
    level++;
    List<Section> outerList = sectionList;
    sections.addLast(s);
    sectionList = List.copyOf(sections);
    SectionView view = new SectionView(s, level, holds, visible);
    if (s.newPage() && visible && resolver.template().blocks().get(0) != s) {
      target.pageBreak(); // not before the first block: page 1 would hold the title alone
    }
    target.startSection(view);
    runIn = s.runIn() ? s.title() + "：" : null;
    blocks(s.children());
    target.endSection(view);
    sections.removeLast();
    sectionList = outerList; // the sections around it, as they were (not copied again)
    level--;
    visible = outer;
    return null;
  }

  @Override
  public Void visitParagraph(Paragraph p) {
    if (fieldsOnly) {
      fields(p);
      return null;
    }
    List<Run> runs = new ArrayList<>(p.inlines().size() + 1);
    String textBefore = runIn;
    if (runIn != null) {
      runs.add(new Run.TextRun(Text.of(runIn, TextStyle.BOLD)));
      runIn = null;
    }
    boolean first = true;
    boolean alone = p.inlines().size() == 1;
    for (Inline i : p.inlines()) {
      if (i instanceof Text t) {
        runs.add(new Run.TextRun(t));
      } else if (i instanceof Field f) {
        FieldView v = field(f, textBefore, first, alone);
        if (v != null) {
          runs.add(new Run.FieldRun(v));
        }
      } else if (i instanceof LineBreak) {
        runs.add(new Run.Break());
      } else if (i instanceof PageNumber n) {
        runs.add(new Run.PageRun(n.kind()));
      }
      textBefore = i instanceof Text t ? t.text() : null;
      first = false;
    }
    if (walk.options().mode() == RenderMode.VIEW) {
      pairs(runs);
    }
    target.paragraph(new ParagraphView(p, runs));
    return null;
  }

  /** A paragraph's fields to a target that reads fields only, named as {@link #visitParagraph} names them. */
  private void fields(Paragraph p) {
    String textBefore = runIn;
    runIn = null;
    List<Inline> inlines = p.inlines();
    boolean alone = inlines.size() == 1;
    for (int k = 0; k < inlines.size(); k++) {
      Inline i = inlines.get(k);
      if (i instanceof Field f) {
        FieldView v = field(f, textBefore, k == 0, alone);
        if (v != null) {
          target.fieldAlone(v);
        }
      }
      textBefore = i instanceof Text t ? t.text() : null;
    }
  }

  /**
   * Two values of one unit with a slash between them are written as Chinese records write a
   * blood pressure: "150/90 mmHg", the unit once and no spaces around the slash.
   */
  private static void pairs(List<Run> runs) {
    for (int i = 0; i + 2 < runs.size(); i++) {
      if (runs.get(i) instanceof Run.FieldRun a && runs.get(i + 1) instanceof Run.TextRun slash
          && runs.get(i + 2) instanceof Run.FieldRun b && slash(slash.text().text())
          && a.field().field().unit() != null
          && a.field().field().unit().equals(b.field().field().unit())
          && !a.field().text().isEmpty() && !b.field().text().isEmpty()) {
        a.field().shareUnitWithNext();
        runs.set(i + 1, new Run.TextRun(new Text("/", slash.text().styles())));
      }
    }
  }

  /** Whether a text is a slash alone, spaces around it aside (a label's text is not). */
  private static boolean slash(String t) {
    return t.length() <= 16 && t.indexOf('/') >= 0 && t.strip().equals("/");
  }

  /**
   * A field where it stands: after {@code textBefore}, first in its paragraph or not, alone in it
   * or not (what its label is taken from, with its cell and section).
   */
  private FieldView field(Field f, String textBefore, boolean first, boolean alone) {
    // the field's pointer is made here only where it is needed now (a condition, a trace); the
    // view makes it when asked (a validation asks for few of them)
    boolean holds = f.when() == null || holds(f.when(), FieldView.pointer(prefix, f));
    if (!(visible && holds) && !includeHidden) {
      return null;
    }
    Value value = inTemplate ? null : scope.get(f.name()).orElse(null);
    List<Amendment> amended = traceAmendments && visible && holds && !inTemplate
        ? walk.traceAt(FieldView.pointer(prefix, f)) : List.of();
    FieldView.LabelHints hints = hints(f, textBefore, first, alone,
        sections.isEmpty() ? null : sections.getLast().title());
    return new FieldView(f, prefix, value, holds, visible && holds, scope, sectionList,
        inTemplate, resolver, hints, walk.emptyText(f), amended,
        walk.options().supersededSignatures());
  }

  /** The label hints of each field met in an entry, for its next entries (made at the first). */
  private java.util.IdentityHashMap<Field, FieldView.LabelHints> entryHints;

  /**
   * What names a field where it stands. A field in the entries of a list stands in the same
   * place in each (the same text before it, cell and section): for a walk of fields only (a
   * validation, which keeps every field it meets while it runs) its hints are made once, not
   * once per entry (40,000 entries hold 160,000 fields). A rendering's hints die young: made each
   * time, which is cheaper than looking them up.
   */
  private FieldView.LabelHints hints(Field f, String textBefore, boolean first, boolean alone,
      String sectionTitle) {
    if (current == null || !fieldsOnly) {
      return new FieldView.LabelHints(f, textBefore, first, alone, cell, sectionTitle, labels);
    }
    if (entryHints == null) {
      entryHints = new java.util.IdentityHashMap<>();
    }
    FieldView.LabelHints h = entryHints.get(f);
    if (h == null || h.textBefore() != textBefore || h.first() != first || h.alone() != alone
        || h.sectionTitle() != sectionTitle || !sameCell(h.cell(), cell)) {
      h = new FieldView.LabelHints(f, textBefore, first, alone, cell, sectionTitle, labels);
      entryHints.put(f, h);
    }
    return h;
  }

  /** Whether two views are of the same cell (what a field's label is taken from). */
  private static boolean sameCell(CellView a, CellView b) {
    return a == b || a != null && b != null && a.table() == b.table() && a.cell() == b.cell()
        && a.header() == b.header();
  }

  @Override
  public Void visitTable(Table t) {
    TableView view = new TableView(t, visible);
    List<List<Cell>> anchored = labels.rows(t);
    target.startTable(view);
    for (int r = 0; r < view.fixedRows(); r++) {
      RowView row = new RowView(r, r < t.headerRows(), null);
      target.startRow(row);
      cells(t, anchored.get(r), row.header());
      target.endRow(row);
    }
    if (t.repeating()) {
      String path = prefix + "/" + t.id();
      List<Values> rows = listed(scope, t.id());
      GroupView group = new GroupView(t, t.id(), path, t.minRows(), t.maxRows(), null, true,
          rows.size(), visible);
      target.startGroup(group);
      entries(path, rows, () -> {
        // the entry's row: the row template filled with the entry's values
        RowView row = new RowView(t.rows() - 1, false, current);
        target.startRow(row);
        cells(t, anchored.get(t.rows() - 1), false);
        target.endRow(row);
      });
      target.endGroup(group);
    }
    target.endTable(view);
    return null;
  }

  private void cells(Table t, List<Cell> anchored, boolean header) {
    for (Cell c : anchored) {
      CellView outer = cell;
      cell = new CellView(t, c, header, labels);
      target.startCell(cell);
      blocks(c.content());
      target.endCell(cell);
      cell = outer;
    }
  }

  /**
   * The entries under a list's name: none when it holds something else, which only a record a
   * host built through the API can (shown as no entries; {@code field/unplaced-value} finds it).
   */
  private static List<Values> listed(Values scope, String id) {
    return scope.get(id).orElse(null) instanceof org.emrkit.record.Value.Rows rows ? rows.rows()
        : List.of();
  }

  @Override
  public Void visitRepeatGroup(RepeatGroup g) {
    String path = prefix + "/" + g.id();
    List<Values> rows = listed(scope, g.id());
    GroupView group = new GroupView(g, g.id(), path, g.min(), g.max(), g.label(), false,
        rows.size(), visible);
    target.startGroup(group);
    entries(path, rows, () -> blocks(g.children()));
    target.endGroup(group);
    return null;
  }

  /** The entry being walked. */
  private EntryView current;

  /** Walks each entry of a list in its own scope, then the template entry if asked. */
  private void entries(String path, List<Values> rows, Runnable content) {
    Values outerScope = scope;
    String outerPrefix = prefix;
    EntryView outerEntry = current;
    for (int i = 0; i < rows.size(); i++) {
      scope = rows.get(i);
      prefix = path + "/" + i;
      entry(new EntryView(i, prefix, scope), content);
    }
    if (entryTemplates) {
      boolean outerTemplate = inTemplate;
      inTemplate = true;
      scope = Values.EMPTY;
      prefix = path + "/{i}";
      entry(new EntryView(-1, prefix, Values.EMPTY), content);
      inTemplate = outerTemplate;
    }
    scope = outerScope;
    prefix = outerPrefix;
    current = outerEntry;
  }

  private void entry(EntryView e, Runnable content) {
    current = e;
    target.startEntry(e);
    content.run();
    target.endEntry(e);
  }

  @Override
  public Void visitConditional(Conditional c) {
    boolean holds = holds(c.condition(), prefix);
    boolean outer = visible;
    if (!(outer && holds) && !includeHidden) {
      return null;
    }
    visible = outer && holds;
    ConditionalView view = new ConditionalView(c, holds, visible);
    target.startConditional(view);
    blocks(c.children());
    target.endConditional(view);
    visible = outer;
    return null;
  }
}

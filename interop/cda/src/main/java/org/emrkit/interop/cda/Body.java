package org.emrkit.interop.cda;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.emrkit.record.Signer;
import org.emrkit.record.Value;
import org.emrkit.render.CellView;
import org.emrkit.render.EntryView;
import org.emrkit.render.FieldView;
import org.emrkit.render.ParagraphView;
import org.emrkit.render.Resolver;
import org.emrkit.render.RowView;
import org.emrkit.render.Run;
import org.emrkit.render.SectionView;
import org.emrkit.render.SignatureState;
import org.emrkit.render.TableView;
import org.emrkit.render.WalkTarget;
import org.emrkit.template.FieldType;
import org.emrkit.template.Section;

/**
 * The walk target of the CDA export: what the record's body shows, gathered per template
 * section as narrative (paragraphs and tables, the text every format shows) and entries (each
 * shown field bound to a data element, typed; a repeat entry's fields together), and the
 * signers of the signatures that are valid. {@link CdaDocument} then places the sections into
 * the shared document's.
 */
final class Body implements WalkTarget {

  /** Narrative: a paragraph, or a table of rows of cells. */
  sealed interface Narrative permits Para, Grid {}

  /** A paragraph; a heading is a subsection's title. */
  record Para(String text, boolean heading) implements Narrative {}

  /** A table. */
  record Grid(List<List<Cell>> rows) implements Narrative {}

  /** A table cell: its lines, spans and whether it is a header cell. */
  record Cell(List<String> lines, int colSpan, int rowSpan, boolean header) {}

  /**
   * An entry: a field bound to a data element, its label, pointer, the text it shows and its
   * typed value.
   */
  record Entry(String element, String label, String path, String shown, Typed value) {}

  /**
   * The entries of one entry of a repeat group (or row of a repeating table), and its time (the
   * entry's first date-time value, a sheet row's time) as CDA writes it, or {@code null}.
   */
  record Cluster(String path, List<Entry> entries, String time) {}

  /** A template section (or the content outside every section, {@code section == null}). */
  static final class Node {
    final Section section;
    final Node parent;
    final List<Narrative> text = new ArrayList<>();
    final List<Object> items = new ArrayList<>();
    final List<Node> children = new ArrayList<>();

    Node(Section section, Node parent) {
      this.section = section;
      this.parent = parent;
    }
  }

  private final Resolver resolver;
  private final Node top = new Node(null, null);
  private final Deque<Node> sections = new ArrayDeque<>();
  private final Deque<List<Entry>> clusters = new ArrayDeque<>();
  private final Deque<Grid> tables = new ArrayDeque<>();
  private final List<Signer> signers = new ArrayList<>();
  private List<Cell> row;
  private List<String> cell;
  private int nestedCells;
  private StringBuilder nestedRow;
  private final List<Empty> empty = new ArrayList<>();

  Body(Resolver resolver) {
    this.resolver = resolver;
    sections.push(top);
  }

  /** The content outside every section; sections are its children. */
  Node top() {
    return top;
  }

  /**
   * A data element (its root) the record leaves empty where the template asks for it: a shown
   * field with no value, or a field of a repeat group with no entries; where, and in which
   * section.
   */
  record Empty(String element, String pointer, Node node) {}

  /** The data elements left empty, in the order the walk met them. */
  List<Empty> empty() {
    return empty;
  }

  /** The signers of the valid signatures the record shows, in the order it shows them. */
  List<Signer> signers() {
    return signers;
  }

  @Override
  public void startSection(SectionView s) {
    if (!s.visible()) {
      return;
    }
    Node n = new Node(s.section(), sections.peek());
    sections.peek().children.add(n);
    sections.push(n);
  }

  @Override
  public void endSection(SectionView s) {
    if (s.visible()) {
      sections.pop();
    }
  }

  @Override
  public void paragraph(ParagraphView p) {
    StringBuilder sb = new StringBuilder();
    for (Run r : p.runs()) {
      if (r instanceof Run.TextRun t) {
        sb.append(t.text().text());
      } else if (r instanceof Run.Break) {
        sb.append('\n');
      } else if (r instanceof Run.FieldRun f) {
        field(f.field(), sb);
      }
    }
    String text = sb.toString().strip();
    if (text.isEmpty()) {
      return;
    }
    if (nestedRow != null) {
      nestedRow.append(nestedRow.length() > 0 ? "　" : "").append(text);
    } else if (cell != null) {
      cell.add(text);
    } else {
      sections.peek().text.add(new Para(text, false));
    }
  }

  private void field(FieldView f, StringBuilder sb) {
    if (!f.visible()) {
      return;
    }
    String shown = f.text();
    if (!shown.isEmpty()) {
      shown = f.field().type() == FieldType.RICHTEXT ? org.emrkit.record.RichText.plain(shown)
          : shown;
      if (f.unit() != null && f.field().type() != FieldType.SIGNATURE) {
        shown += org.emrkit.record.ValueText.unitSpace(f.unit()) + f.unit();
      }
      sb.append(shown);
    }
    // what the entry shows on its own: with its unit even when the paragraph shares it
    String own = f.text().isEmpty() || f.field().unit() == null ? shown
        : shown.endsWith(f.field().unit()) ? shown
        : shown + org.emrkit.record.ValueText.unitSpace(f.field().unit()) + f.field().unit();
    if (f.field().type() == FieldType.SIGNATURE) {
      if (f.signature() == SignatureState.VALID && f.value() instanceof Value.Signed s) {
        signers.add(s.signer());
      }
      return;
    }
    if (f.field().dataElement() == null) {
      return;
    }
    List<Typed> typed = Typed.of(resolver, f);
    if (typed.isEmpty()) {
      empty.add(new Empty(org.emrkit.terminology.DataElements.root(f.field().dataElement()),
          pointer(f), sections.peek()));
    }
    for (Typed t : typed) {
      Entry e = new Entry(f.field().dataElement(), f.label(), pointer(f), own, t);
      if (clusters.isEmpty()) {
        sections.peek().items.add(e);
      } else {
        clusters.peek().add(e);
      }
    }
  }

  /** Where a field's value is: in the values, or for a macro field in the record's context. */
  static String pointer(FieldView f) {
    return f.field().type() == FieldType.MACRO ? contextPointer(f.field().source()) : f.path();
  }

  /** The JSON pointer of a context path: {@code encounter.admittedAt} → {@code /context/encounter/admittedAt}. */
  static String contextPointer(String path) {
    return "/context/" + path.replace('.', '/');
  }

  @Override
  public void startGroup(org.emrkit.render.GroupView g) {
    if (g.entries() > 0) {
      return;
    }
    // no entries: each field of the group bound to a data element is left empty
    org.emrkit.template.FieldScope scope = resolver.template().scope();
    for (String part : g.path().split("/")) {
      if (!part.isEmpty() && !part.equals("values") && !part.chars()
          .allMatch(Character::isDigit) && scope != null) {
        scope = scope.groups().get(part);
      }
    }
    if (scope != null) {
      for (org.emrkit.template.Field f : scope.fields().values()) {
        if (f.dataElement() != null) {
          empty.add(new Empty(org.emrkit.terminology.DataElements.root(f.dataElement()),
              g.path(), sections.peek()));
        }
      }
    }
  }

  @Override
  public void startEntry(EntryView e) {
    clusters.push(new ArrayList<>());
  }

  @Override
  public void endEntry(EntryView e) {
    List<Entry> entries = clusters.pop();
    if (entries.isEmpty()) {
      return;
    }
    String time = e.values().asMap().values().stream()
        .filter(v -> v instanceof Value.DateTime).findFirst()
        .map(v -> Typed.ts(((Value.DateTime) v).value()).value()).orElse(null);
    Cluster c = new Cluster(e.path(), List.copyOf(entries), time);
    if (clusters.isEmpty()) {
      sections.peek().items.add(c);
    } else {
      clusters.peek().addAll(entries);
    }
  }

  @Override
  public void startTable(TableView t) {
    if (cell != null) {
      return;
    }
    tables.push(new Grid(new ArrayList<>()));
  }

  @Override
  public void endTable(TableView t) {
    if (cell != null) {
      return;
    }
    Grid g = tables.pop();
    g.rows().removeIf(List::isEmpty);
    if (!g.rows().isEmpty()) {
      sections.peek().text.add(g);
    }
  }

  @Override
  public void startRow(RowView r) {
    if (cell == null) {
      row = new ArrayList<>();
      tables.peek().rows().add(row);
    } else {
      nestedRow = new StringBuilder(); // a nested table's row: one line of the outer cell
    }
  }

  @Override
  public void endRow(RowView r) {
    if (nestedRow != null) {
      if (nestedRow.length() > 0) {
        cell.add(nestedRow.toString());
      }
      nestedRow = null;
    }
  }

  @Override
  public void startCell(CellView c) {
    if (cell == null) {
      cell = new ArrayList<>();
      row.add(new Cell(cell, c.cell().colSpan(), c.cell().rowSpan(), c.header()));
    } else {
      nestedCells++; // a nested table's cell: its lines go into the outer cell
    }
  }

  @Override
  public void endCell(CellView c) {
    if (nestedCells > 0) {
      nestedCells--;
    } else {
      cell = null;
    }
  }
}

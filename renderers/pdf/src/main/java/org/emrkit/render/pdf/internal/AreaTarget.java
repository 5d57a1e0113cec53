package org.emrkit.render.pdf.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.emrkit.render.CellView;
import org.emrkit.render.ParagraphView;
import org.emrkit.render.Run;
import org.emrkit.render.SectionView;
import org.emrkit.render.TableView;
import org.emrkit.render.WalkTarget;
import org.emrkit.template.PageNumber;

/**
 * Collects what the walk resolves for a running page area into {@link AreaBlock}s: paragraphs
 * become lines (a line break starts a new one), tables become grids with their cells, whatever
 * the template nests in them; content hidden by {@code when} or {@code if} never arrives.
 */
public final class AreaTarget implements WalkTarget {

  private final Deque<List<AreaBlock>> sinks = new ArrayDeque<>();
  private final Deque<Grid> grids = new ArrayDeque<>();

  private static final class Grid {
    final TableView table;
    final List<AreaBlock.GridCell> cells = new ArrayList<>();

    Grid(TableView table) {
      this.table = table;
    }
  }

  public AreaTarget() {
    sinks.push(new ArrayList<>());
  }

  /** The area's blocks, top to bottom. */
  public List<AreaBlock> blocks() {
    return sinks.getLast();
  }

  @Override
  public void startSection(SectionView s) {
    sinks.peek().add(new AreaBlock.Line(List.of(new PageEvents.Piece(s.section().title(),
        PageEvents.Piece.TEXT))));
  }

  /** A field's text and unit; an empty one its placeholder (or nothing) and no unit. */
  static String shown(org.emrkit.render.FieldView f) {
    String unit = f.unit();
    if (f.text().isEmpty() && f.emptyText() != null) {
      return f.emptyText();
    }
    return f.text() + (unit == null ? "" : org.emrkit.record.ValueText.unitSpace(unit) + unit);
  }

  @Override
  public void paragraph(ParagraphView p) {
    List<PageEvents.Piece> line = new ArrayList<>();
    for (Run r : p.runs()) {
      if (r instanceof Run.TextRun t) {
        line.add(new PageEvents.Piece(t.text().text(), PageEvents.Piece.TEXT));
      } else if (r instanceof Run.FieldRun f) {
        line.add(new PageEvents.Piece(shown(f.field()), PageEvents.Piece.TEXT));
      } else if (r instanceof Run.PageRun n) {
        line.add(new PageEvents.Piece(null, n.kind() == PageNumber.Kind.PAGE
            ? PageEvents.Piece.PAGE : PageEvents.Piece.PAGES));
      } else if (r instanceof Run.Break) {
        sinks.peek().add(new AreaBlock.Line(List.copyOf(line)));
        line.clear();
      }
    }
    sinks.peek().add(new AreaBlock.Line(List.copyOf(line)));
  }

  @Override
  public void startTable(TableView t) {
    grids.push(new Grid(t));
  }

  @Override
  public void startCell(CellView c) {
    sinks.push(new ArrayList<>());
  }

  @Override
  public void endCell(CellView c) {
    List<AreaBlock> content = sinks.pop();
    grids.peek().cells.add(new AreaBlock.GridCell(
        c.cell().row() == c.table().rows() - 1 && c.table().repeating() ? 1 : c.cell().rowSpan(),
        c.cell().colSpan(), c.header(), List.copyOf(content)));
  }

  @Override
  public void endTable(TableView t) {
    Grid g = grids.pop();
    float[] widths = new float[t.table().columns()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = t.table().widths().get(i).floatValue();
    }
    sinks.peek().add(new AreaBlock.Grid(widths, t.table().headerRows(), List.copyOf(g.cells)));
  }
}

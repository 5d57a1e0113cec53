package org.emrkit.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.emrkit.template.Block;
import org.emrkit.template.Cell;
import org.emrkit.template.Conditional;
import org.emrkit.template.RepeatGroup;
import org.emrkit.template.Section;
import org.emrkit.template.PerTemplate;
import org.emrkit.template.Table;
import org.emrkit.template.Template;

/**
 * The names of a template's cells and the labels the text before its fields gives them
 * ({@link Labels}), worked out once per template: they depend on the template alone, and an edit
 * form names every control, in every row (package-private; thread-safe).
 */
final class LabelCache {

  /** More than a template has: tables the walk makes itself (修改记录) are not kept. */
  private static final int LIMIT = 4096;
  private static final PerTemplate<LabelCache> CACHES = new PerTemplate<>(LabelCache::new);

  private final Map<PerTemplate.Same<Cell>, Optional<String>> cells = new ConcurrentHashMap<>();
  private final Map<String, Optional<String>> before = new ConcurrentHashMap<>();
  /** The cells anchored in each row of each of the template's tables. */
  private final Map<PerTemplate.Same<Table>, List<List<Cell>>> rows = new HashMap<>();

  private LabelCache(Template t) {
    List<Block> all = new ArrayList<>(t.pageHeader());
    all.addAll(t.pageFooter());
    all.addAll(t.blocks());
    tables(all);
  }

  /** Works out the rows of the tables in {@code blocks}, nested ones too (read-only after). */
  private void tables(List<Block> blocks) {
    for (Block b : blocks) {
      if (b instanceof Section s) {
        tables(s.children());
      } else if (b instanceof Conditional c) {
        tables(c.children());
      } else if (b instanceof RepeatGroup g) {
        tables(g.children());
      } else if (b instanceof Table table) {
        rows.put(new PerTemplate.Same<>(table), anchored(table));
        table.cells().forEach(c -> tables(c.content()));
      }
    }
  }

  private static List<List<Cell>> anchored(Table t) {
    List<List<Cell>> all = new ArrayList<>(t.rows());
    for (int r = 0; r < t.rows(); r++) {
      all.add(List.copyOf(t.cellsAnchoredIn(r)));
    }
    return List.copyOf(all);
  }

  /** The cache of {@code t}'s labels. */
  static LabelCache of(Template t) {
    return CACHES.get(t);
  }

  /** {@link Labels#cell}, once per cell. */
  String cell(Table t, Cell c) {
    if (cells.size() >= LIMIT) {
      Optional<String> kept = cells.get(new PerTemplate.Same<>(c));
      return kept != null ? kept.orElse(null) : Labels.cell(t, c);
    }
    return cells.computeIfAbsent(new PerTemplate.Same<>(c),
        k -> Optional.ofNullable(Labels.cell(t, c))).orElse(null);
  }

  /**
   * The cells anchored in each row of {@code t} ({@link Table#cellsAnchoredIn}): worked out
   * once for the template's tables (a walk asked for every row of every table, and for a list's
   * row once per entry), each time for a table the walk makes itself.
   */
  List<List<Cell>> rows(Table t) {
    List<List<Cell>> kept = rows.get(new PerTemplate.Same<>(t));
    return kept != null ? kept : anchored(t);
  }

  /** {@link Labels#fromTextBefore}, once per text. */
  String fromTextBefore(String text) {
    if (before.size() >= LIMIT) {
      Optional<String> kept = before.get(text);
      return kept != null ? kept.orElse(null) : Labels.fromTextBefore(text);
    }
    return before.computeIfAbsent(text, k -> Optional.ofNullable(Labels.fromTextBefore(k)))
        .orElse(null);
  }
}

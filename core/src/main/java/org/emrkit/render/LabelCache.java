package org.emrkit.render;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.emrkit.template.Cell;
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
  private static final PerTemplate<LabelCache> CACHES = new PerTemplate<>(t -> new LabelCache());

  private final Map<PerTemplate.Same<Cell>, Optional<String>> cells = new ConcurrentHashMap<>();
  private final Map<String, Optional<String>> before = new ConcurrentHashMap<>();

  private LabelCache() {}

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

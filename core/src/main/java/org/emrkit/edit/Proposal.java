package org.emrkit.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.record.Values;

/**
 * What an edit would do, worked out before anything is checked against signatures and policy:
 * the changes (one revision each), the paths they affect, and the values after; or a refusal;
 * or nothing to do. Package-private; the edit session admits a proposal or not.
 *
 * @param changes the changes, in order
 * @param affected every path the edit touches (entries after an inserted one shift)
 * @param next the values after the edit
 * @param refusal why the edit cannot be, or {@code null}
 */
record Proposal(List<FormMerge.Change> changes, List<String> affected, Values next,
    Refusal refusal) {

  static final Proposal NOTHING = new Proposal(List.of(), List.of(), null, null);

  static Proposal refused(Refusal r) {
    return new Proposal(List.of(), List.of(), null, r);
  }

  static Proposal of(FormMerge.Change c, List<String> affected, Values next) {
    return new Proposal(List.of(c), affected, next, null);
  }

  /** Setting ({@code value} non-null) or clearing one field. */
  static Proposal field(Layout layout, Record current, String path, Value value) {
    ValuePaths.Target t = ValuePaths.resolve(layout.root, current.values(), path);
    if (t.refusal != null) {
      return refused(t.refusal);
    }
    if (t.field == null) {
      return refused(new Refusal("edit/not-a-field", path, "该路径不是字段：" + path,
          "not a field: " + path));
    }
    if (value instanceof Value.Str s && s.value().isEmpty()
        || value instanceof Value.Choices c && c.values().isEmpty()) {
      value = null;
    }
    Optional<Refusal> fit = ValueChecks.fieldEditable(t.field, path);
    if (fit.isEmpty() && value != null) {
      fit = ValueChecks.fits(t.field, value, path);
    }
    if (fit.isPresent()) {
      return refused(fit.get());
    }
    Value old = ValuePaths.valueAt(current.values(), t.tokens);
    if (Objects.equals(old, value)) {
      return NOTHING;
    }
    return of(new FormMerge.Change(path, FormMerge.json(old), FormMerge.json(value)),
        List.of(path), ValuePaths.put(current.values(), t.tokens, 0, value));
  }

  /** Adding an entry at {@code index} (clamped to the list). */
  static Proposal add(ValuePaths.GroupTarget g, Record current, int index, Values entry) {
    List<Values> rows = new ArrayList<>(g.rows);
    if (g.scope.max() != null && rows.size() >= g.scope.max()) {
      return refused(new Refusal("edit/max-entries", g.path, g.path + " 最多 " + g.scope.max()
          + " 项", g.path + " holds at most " + g.scope.max() + " entries"));
    }
    int at = Math.max(0, Math.min(index, rows.size()));
    Optional<Refusal> bad = ValueChecks.checkEntry(g.scope, entry, g.path + "/" + at);
    if (bad.isPresent()) {
      return refused(bad.get());
    }
    rows.add(at, entry);
    return of(new FormMerge.Change(g.path + "/" + at, null, RecordJson.canonical(entry)),
        from(g.path, at, rows.size() - 1), withRows(g, current, rows));
  }

  /** Removing the entry at the end of {@code entryPath}. */
  static Proposal remove(ValuePaths.GroupTarget g, Record current, String entryPath) {
    int i = ValuePaths.index(entryPath.substring(entryPath.lastIndexOf('/') + 1), g.rows.size());
    if (i < 0) {
      return refused(ValuePaths.noEntry(entryPath));
    }
    List<Values> rows = new ArrayList<>(g.rows);
    Values removed = rows.remove(i);
    return of(new FormMerge.Change(g.path + "/" + i, RecordJson.canonical(removed), null),
        from(g.path, i, g.rows.size() - 1), withRows(g, current, rows));
  }

  /** Moving an entry from one index to another. */
  static Proposal move(ValuePaths.GroupTarget g, Record current, int from, int to) {
    int n = g.rows.size();
    if (from < 0 || from >= n || to < 0 || to >= n) {
      return refused(ValuePaths.noEntry(g.path + "/" + (from < 0 || from >= n ? from : to)));
    }
    if (from == to) {
      return NOTHING;
    }
    List<Values> rows = new ArrayList<>(g.rows);
    rows.add(to, rows.remove(from));
    return of(new FormMerge.Change(g.path, RecordJson.canonical(new Value.Rows(g.rows)),
        RecordJson.canonical(new Value.Rows(rows))), from(g.path, Math.min(from, to),
        Math.max(from, to)), withRows(g, current, rows));
  }

  /** The values a posted form leaves: one change per field that differs, rows by origin. */
  static Proposal posted(Layout layout, Record current, Values posted, RowOrigins origins) {
    Optional<Refusal> bad = ValueChecks.checkValues(layout.root, posted, "", 0);
    if (bad.isPresent()) {
      return refused(bad.get());
    }
    List<FormMerge.Change> changes = new ArrayList<>();
    List<String> gated = new ArrayList<>();
    Values merged;
    try {
      merged = FormMerge.merge(layout.root, current.values(), posted, origins, changes, gated);
    } catch (FormMerge.BadOrigins e) {
      return refused(new Refusal("edit/row-origins", e.group,
          "表格的行与病历对不上，请刷新后重试(" + e.group + ")",
          "the rows posted do not fit the record: " + e.getMessage()));
    }
    if (changes.isEmpty()) {
      return NOTHING;
    }
    return new Proposal(changes, gated.stream().distinct().toList(), merged, null);
  }

  private static List<String> from(String group, int first, int last) {
    List<String> out = new ArrayList<>();
    for (int k = first; k <= last; k++) {
      out.add(group + "/" + k);
    }
    return out;
  }

  private static Values withRows(ValuePaths.GroupTarget g, Record current, List<Values> rows) {
    return ValuePaths.put(current.values(), g.tokens, 0, ValuePaths.rowsValue(rows));
  }
}

package org.emrkit.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Field;
import org.emrkit.template.FieldScope;
import org.emrkit.template.FieldType;

/**
 * Merges the values an edit form posts into a record's values: every field that differs is a
 * change of its own, a field missing is cleared, entries are compared by position (extra ones
 * added, missing ones removed from the end) — except that one entry taken out with every other
 * as it was is that entry removed, as {@code EditSession.removeEntry} removes it (the form's
 * 删除此行 on a middle row: not every row after it changed into the next); signature and
 * read-only fields keep their values. Package-private.
 */
final class FormMerge {

  /** A change of one path, with its old and new value as canonical JSON ({@code null}: none). */
  record Change(String path, String oldJson, String newJson) {}

  private FormMerge() {}

  /** Diffs old against posted in one scope; returns the new values and adds the changes. */
  static Values merge(FieldScope scope, String prefix, Values old, Values posted,
      List<Change> changes) {
    return merge(scope, prefix, old, posted, changes, new ArrayList<>());
  }

  /**
   * As {@link #merge(FieldScope, String, Values, Values, List)}, adding to {@code moved} the
   * entries an entry removed moves (those after it, which the gate looks at as removeEntry's).
   */
  static Values merge(FieldScope scope, String prefix, Values old, Values posted,
      List<Change> changes, List<String> moved) {
    Map<String, Value> out = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>(scope.fields().keySet());
    names.addAll(scope.groups().keySet());
    for (String name : names) {
      String p = prefix + "/" + name;
      Field f = scope.fields().get(name);
      Value merged = f != null ? field(f, p, old.get(name).orElse(null),
          posted.get(name).orElse(null), changes)
          : rows(scope.groups().get(name), p, old.rows(name), posted.rows(name), changes, moved);
      if (merged != null) {
        out.put(name, merged);
      }
    }
    return Values.of(out);
  }

  private static Value field(Field f, String p, Value was, Value posted, List<Change> changes) {
    Value now = f.type() == FieldType.SIGNATURE ? was : posted;
    if (f.readonly() && !Objects.equals(was, now)) {
      now = was; // a read-only field keeps its value; the form cannot change it
    }
    if (!Objects.equals(was, now)) {
      changes.add(new Change(p, json(was), json(now)));
    }
    return now;
  }

  private static Value rows(FieldScope g, String p, List<Values> a, List<Values> b,
      List<Change> changes, List<String> moved) {
    int k = b.size() == a.size() - 1 ? taken(g, p, a, b) : -1;
    if (k >= 0) {
      List<Values> rows = new ArrayList<>(a);
      changes.add(new Change(p + "/" + k, RecordJson.canonical(rows.remove(k)), null));
      for (int i = k + 1; i < a.size(); i++) {
        moved.add(p + "/" + i);
      }
      return rows.isEmpty() ? null : new Value.Rows(rows);
    }
    List<Values> rows = new ArrayList<>();
    for (int i = 0; i < b.size(); i++) {
      if (i < a.size()) {
        rows.add(merge(g, p + "/" + i, a.get(i), b.get(i), changes, moved));
      } else {
        Values fresh = ValuePaths.stripSigned(b.get(i));
        rows.add(fresh);
        changes.add(new Change(p + "/" + i, null, RecordJson.canonical(fresh)));
      }
    }
    for (int i = a.size() - 1; i >= b.size(); i--) {
      changes.add(new Change(p + "/" + i, RecordJson.canonical(a.get(i)), null));
    }
    return rows.isEmpty() ? null : new Value.Rows(rows);
  }

  /** The one entry of {@code a} that {@code b} lacks, every other as it was; else -1. */
  private static int taken(FieldScope g, String p, List<Values> a, List<Values> b) {
    int k = 0;
    while (k < b.size() && same(g, p + "/" + k, a.get(k), b.get(k))) {
      k++;
    }
    for (int i = k; i < b.size(); i++) {
      if (!same(g, p + "/" + i, a.get(i + 1), b.get(i))) {
        return -1;
      }
    }
    return k;
  }

  /** Whether posting {@code posted} over {@code was} would change nothing. */
  private static boolean same(FieldScope g, String p, Values was, Values posted) {
    List<Change> none = new ArrayList<>();
    merge(g, p, was, posted, none);
    return none.isEmpty();
  }

  static String json(Value v) {
    return v == null ? null : RecordJson.canonical(v);
  }
}

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
 * added, missing ones removed from the end); signature and read-only fields keep their values.
 * Package-private.
 */
final class FormMerge {

  /** A change of one path, with its old and new value as canonical JSON ({@code null}: none). */
  record Change(String path, String oldJson, String newJson) {}

  private FormMerge() {}

  /** Diffs old against posted in one scope; returns the new values and adds the changes. */
  static Values merge(FieldScope scope, String prefix, Values old, Values posted,
      List<Change> changes) {
    Map<String, Value> out = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>(scope.fields().keySet());
    names.addAll(scope.groups().keySet());
    for (String name : names) {
      String p = prefix + "/" + name;
      Field f = scope.fields().get(name);
      Value merged = f != null ? field(f, p, old.get(name).orElse(null),
          posted.get(name).orElse(null), changes)
          : rows(scope.groups().get(name), p, old.rows(name), posted.rows(name), changes);
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
      List<Change> changes) {
    List<Values> rows = new ArrayList<>();
    for (int i = 0; i < b.size(); i++) {
      if (i < a.size()) {
        rows.add(merge(g, p + "/" + i, a.get(i), b.get(i), changes));
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

  static String json(Value v) {
    return v == null ? null : RecordJson.canonical(v);
  }
}

package org.emrkit.edit;

import java.util.ArrayList;
import java.util.HashSet;
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
 * change of its own, a field missing is cleared, signature and read-only fields keep their
 * values. Rows follow their {@link RowOrigins}: a row the form took out is that row removed,
 * rows put in another order are one move of the group, a row added is put in where it stands,
 * and every other row is merged with the row it came from - so signatures stay with the rows
 * they signed. Without origins for a group its rows are matched by position (extra ones added,
 * missing ones removed from the end), except that one row taken out with every other as it was
 * is that row removed, as {@code EditSession.removeEntry} removes it.
 *
 * <p>The changes are in the order the trace replays them (removals, then the move, then each
 * row in turn), their paths as the values stand at that point; what the gate checks is listed
 * apart, as paths in the record before the edit: a row that moves is checked as the rows after
 * a removed one are, a row's fields where the row was. Package-private.
 */
final class FormMerge {

  /** A change of one path, with its old and new value as canonical JSON ({@code null}: none). */
  record Change(String path, String oldJson, String newJson) {}

  /** Origins that do not fit the rows posted or the record. */
  static final class BadOrigins extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String group;

    BadOrigins(String group, String why) {
      super(why, null, false, false);
      this.group = group;
    }
  }

  private FormMerge() {}

  /** Diffs old against posted in one scope by position; returns the new values. */
  static Values merge(FieldScope scope, String prefix, Values old, Values posted,
      List<Change> changes) {
    return merge(scope, prefix, prefix, old, posted, RowOrigins.NONE, changes, new ArrayList<>(),
        new HashSet<>());
  }

  /**
   * Merges {@code posted} into {@code old}: adds the changes, and to {@code gated} the paths of
   * the record before the edit that they touch; returns the new values.
   *
   * @throws BadOrigins when an origin list does not fit (the record is untouched: nothing is
   *     written before the merge ends)
   */
  static Values merge(FieldScope scope, Values old, Values posted, RowOrigins origins,
      List<Change> changes, List<String> gated) {
    Set<String> used = new HashSet<>();
    Values out = merge(scope, "", "", old, posted, origins, changes, gated, used);
    for (String group : origins.asMap().keySet()) {
      if (!used.contains(group)) {
        throw new BadOrigins(group, "no repeating table or group posted at " + group);
      }
    }
    return out;
  }

  /**
   * One scope: {@code p} is its path as the changes so far leave the values, {@code q} its path
   * in the record before the edit.
   */
  private static Values merge(FieldScope scope, String p, String q, Values old, Values posted,
      RowOrigins origins, List<Change> changes, List<String> gated, Set<String> used) {
    Map<String, Value> out = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>(scope.fields().keySet());
    names.addAll(scope.groups().keySet());
    for (String name : names) {
      Field f = scope.fields().get(name);
      Value merged = f != null ? field(f, p + "/" + name, q + "/" + name,
          old.get(name).orElse(null), posted.get(name).orElse(null), changes, gated)
          : rows(scope.groups().get(name), p + "/" + name, q + "/" + name, old.rows(name),
              posted.rows(name), origins, changes, gated, used);
      if (merged != null) {
        out.put(name, merged);
      }
    }
    return Values.of(out);
  }

  private static Value field(Field f, String p, String q, Value was, Value posted,
      List<Change> changes, List<String> gated) {
    // signatures come from signing; a calculated or context field is not stored (what the
    // record holds for one, if anything, stays as it is)
    Value now = f.type() == FieldType.SIGNATURE || !f.type().isStored() ? was : posted;
    if (f.readonly() && !Objects.equals(was, now)) {
      now = was; // a read-only field keeps its value; the form cannot change it
    }
    if (!Objects.equals(was, now)) {
      changes.add(new Change(p, json(was), json(now)));
      gated.add(q);
    }
    return now;
  }

  private static Value rows(FieldScope g, String p, String q, List<Values> a, List<Values> b,
      RowOrigins origins, List<Change> changes, List<String> gated, Set<String> used) {
    List<Integer> o = origins.of(p).orElse(null);
    if (o != null) {
      used.add(p);
      check(p, o, a.size(), b.size());
    } else {
      o = inferred(g, p, a, b);
    }
    int n = a.size();
    boolean[] kept = new boolean[n];
    List<Integer> want = new ArrayList<>();
    for (Integer x : o) {
      if (x != null) {
        kept[x] = true;
        want.add(x);
      }
    }
    // the rows taken out, last first, each as removeEntry removes it
    List<Integer> left = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (kept[i]) {
        left.add(i);
      }
    }
    for (int i = n - 1; i >= 0; i--) {
      if (!kept[i]) {
        changes.add(new Change(p + "/" + i, RecordJson.canonical(a.get(i)), null));
        gated.add(q + "/" + i);
      }
    }
    // the rows put in another order: one move of the group, as moveEntry writes it (the rows
    // that move are checked below, where they are)
    if (!want.equals(left)) {
      changes.add(new Change(p, RecordJson.canonical(new Value.Rows(pick(a, left))),
          RecordJson.canonical(new Value.Rows(pick(a, want)))));
    }
    List<Values> rows = new ArrayList<>();
    for (int j = 0; j < b.size(); j++) {
      Integer x = o.get(j);
      if (x == null) {
        Values fresh = fresh(g, b.get(j));
        unborn(p + "/" + j + "/", origins, used);
        rows.add(fresh);
        changes.add(new Change(p + "/" + j, null, RecordJson.canonical(fresh)));
        gated.add(q + "/" + n); // a new entry: past the rows the record had
      } else {
        if (x != j) {
          gated.add(q + "/" + x); // moved: checked as removeEntry checks the rows after it
        }
        rows.add(merge(g, p + "/" + j, q + "/" + x, a.get(x), b.get(j), origins, changes, gated,
            used));
      }
    }
    return rows.isEmpty() ? null : new Value.Rows(rows);
  }

  /**
   * A row added in the form as the record keeps it: no signature values (they come from
   * signing) and no calculated or context values (not stored), in its own rows too.
   */
  private static Values fresh(FieldScope g, Values row) {
    Map<String, Value> out = new LinkedHashMap<>();
    row.asMap().forEach((name, v) -> {
      Field f = g.fields().get(name);
      FieldScope inner = g.groups().get(name);
      if (f != null && (f.type() == FieldType.SIGNATURE || !f.type().isStored())) {
        return;
      }
      if (inner != null && v instanceof Value.Rows rows) {
        out.put(name, new Value.Rows(rows.rows().stream().map(r -> fresh(inner, r)).toList()));
      } else if (!(v instanceof Value.Signed)) {
        out.put(name, v);
      }
    });
    return Values.of(out);
  }

  /**
   * Origins given for tables inside a row added in the form: that row's rows are all new, so
   * they may only say so (null each).
   */
  private static void unborn(String under, RowOrigins origins, Set<String> used) {
    origins.asMap().forEach((group, o) -> {
      if (group.startsWith(under)) {
        for (Integer x : o) {
          if (x != null) {
            throw new BadOrigins(group, "a row added in the form has no rows of the record");
          }
        }
        used.add(group);
      }
    });
  }

  private static List<Values> pick(List<Values> rows, List<Integer> at) {
    List<Values> out = new ArrayList<>(at.size());
    for (int i : at) {
      out.add(rows.get(i));
    }
    return out;
  }

  /** Origins that name a row of the record at most once, one per posted row. */
  private static void check(String p, List<Integer> o, int had, int posted) {
    if (o.size() != posted) {
      throw new BadOrigins(p, o.size() + " origins for " + posted + " rows posted");
    }
    boolean[] seen = new boolean[had];
    for (Integer x : o) {
      if (x == null) {
        continue;
      }
      if (x < 0 || x >= had) {
        throw new BadOrigins(p, "row " + x + " is not one of the " + had + " rows the record has");
      }
      if (seen[x]) {
        throw new BadOrigins(p, "row " + x + " is named twice");
      }
      seen[x] = true;
    }
  }

  /**
   * Origins by position when a form gives none: each posted row the old row at its index, rows
   * past the old ones new - except one row of {@code a} that {@code b} lacks, every other as it
   * was, which is that row taken out.
   */
  private static List<Integer> inferred(FieldScope g, String p, List<Values> a, List<Values> b) {
    int k = b.size() == a.size() - 1 ? taken(g, p, a, b) : -1;
    List<Integer> o = new ArrayList<>(b.size());
    for (int j = 0; j < b.size(); j++) {
      o.add(k >= 0 && j >= k ? Integer.valueOf(j + 1) : j < a.size() ? Integer.valueOf(j) : null);
    }
    return o;
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

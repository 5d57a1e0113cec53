package org.emrkit.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.emrkit.json.CanonicalJson;
import org.emrkit.record.Revision;
import org.emrkit.record.TracePath;

/**
 * Who wrote each value, as the trace goes, for {@link Amendments}: whether a change alters text
 * someone else wrote (审阅修改: a resident changing what an intern wrote, the intern or the
 * resident changing it again after that, a nurse a colleague's row), and where an amended value
 * is now. Package-private; one per pass over a trace, in its order.
 *
 * <p>A value's writers are those of the last write that put it as a whole (at its pointer, or
 * above it — the record as created put all its first values — when that write held it), with,
 * when that write changed a value that was there, the writers of what it replaced, and the
 * writers of anything below it written since. A value written from empty, or removed, starts
 * again. Rows put in, taken out or reordered move what is kept of the rows after them (and what
 * a whole write above them is read for), so that a row is known by what it holds, not by where
 * it stood. Per revision: a look-up per level of its pointer, and a walk over what is kept below
 * a group when its rows move.
 */
final class Writers {

  /** Written by more than one person. */
  private static final String MANY = "*";

  private enum Kind { INSERT, REMOVE, REORDER, WRITE }

  /**
   * What moved or replaced rows, in trace order: rows put in at {@code at} (INSERT), the row at
   * {@code at} taken out (REMOVE), rows reordered (REORDER: old index → {@code order[old]}), or
   * a value written whole at {@code group} (WRITE).
   */
  private record Move(int index, Kind kind, String group, int at, int[] order) {}

  /** A write kept at a pointer: who wrote what it holds, and what it put (for what lies below). */
  private static final class Write {
    final String who;
    final String json;
    /** The record as created: its JSON holds the values under "values". */
    final boolean record;
    /** Rows moved below it since, relative to its pointer: to read its JSON where they were. */
    final List<Move> since = new ArrayList<>();
    JsonNode tree;

    Write(String who, String json, boolean record) {
      this.who = who;
      this.json = json;
      this.record = record;
    }

    /** Whether this write, at {@code at}, put the value now at {@code pointer} below it. */
    boolean holds(String at, String pointer) {
      String rel = pointer.substring(at.length());
      for (int i = since.size() - 1; i >= 0 && rel != null; i--) {
        rel = before(since.get(i), rel);
      }
      if (rel == null) {
        return false; // a row put in since
      }
      if (tree == null) {
        tree = CanonicalJson.parse(json);
      }
      JsonNode n = tree.at((record ? "/values" : "") + rel);
      return !n.isMissingNode() && !n.isNull() && !(n.isTextual() && n.asText().isBlank());
    }
  }

  private final List<Revision> trace;
  /** The last whole write at each pointer ("" for the record as created). */
  private final NavigableMap<String, Write> at = new TreeMap<>();
  /** Who wrote below each pointer since its last whole write. */
  private final NavigableMap<String, String> below = new TreeMap<>();
  /** The highest row index kept under each group (an upper bound). */
  private final NavigableMap<String, Integer> top = new TreeMap<>();
  private final List<Move> moves = new ArrayList<>();
  /** Index in the trace by sequence number. */
  private final Map<Integer, Integer> indexOf = new HashMap<>();
  private int done;

  Writers(List<Revision> trace) {
    this.trace = trace;
  }

  /** Whether {@code r}, in this trace, changes a value someone other than its actor wrote. */
  boolean anothers(Revision r, String pointer) {
    int index = r.seq() - 1 < trace.size() && trace.get(r.seq() - 1) == r ? r.seq() - 1
        : trace.indexOf(r);
    while (done < index) {
      note(done++);
    }
    if (r.oldValue() == null) {
      return false; // a value first written is nobody's yet
    }
    String who = owners(pointer);
    return who != null && !who.equals(r.actor().id());
  }

  /**
   * Where the value written by revision {@code seq} at {@code path} ({@code /values...}) is now,
   * in the whole trace: moved by the rows put in, taken out or reordered before it since, or
   * {@code null} when it is no longer there (its row taken out, a value above it written whole).
   */
  String now(String path, int seq) {
    while (done < trace.size()) {
      note(done++);
    }
    Integer index = indexOf.get(seq);
    if (index == null) {
      return path;
    }
    // not the row the change itself put in
    String p = moved(path.substring("/values".length()), index, trace.size(), true);
    return p == null ? null : "/values" + p;
  }

  /**
   * Where a value at {@code pointer} (into values) as the trace stood before its entry
   * {@code from} is just before entry {@code to}: moved by the rows put in, taken out or
   * reordered in between, or {@code null} when it was taken out (or written whole above).
   */
  String between(String pointer, int from, int to) {
    while (done < to) {
      note(done++);
    }
    return moved(pointer, from, to, false);
  }

  /**
   * {@code p} moved by the moves of entries {@code from} to {@code to} (without a row put in by
   * entry {@code from} itself when {@code ownInsert}), or {@code null} when it is gone.
   */
  private String moved(String p, int from, int to, boolean ownInsert) {
    // moves are kept in trace order: start at the first at or after from
    int lo = 0;
    int hi = moves.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (moves.get(mid).index() < from) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int k = lo; k < moves.size(); k++) {
      Move m = moves.get(k);
      if (m.index() >= to) {
        break;
      }
      if (ownInsert && m.index() == from && m.kind() == Kind.INSERT) {
        continue;
      }
      if (m.kind() == Kind.WRITE) {
        if (p.startsWith(m.group() + "/")) {
          return null; // written whole above it since
        }
        continue;
      }
      p = after(m, p);
      if (p == null) {
        return null;
      }
    }
    return p;
  }

  /** The index of a revision in the trace. */
  int index(Revision r) {
    return r.seq() - 1 < trace.size() && trace.get(r.seq() - 1) == r ? r.seq() - 1
        : trace.indexOf(r);
  }

  /** Who wrote the value at the pointer as it stands (null: nobody yet). */
  private String owners(String pointer) {
    String who = below.get(pointer);
    for (String p = pointer; ; p = parent(p)) {
      Write w = at.get(p);
      if (w != null) {
        // the nearest whole write: what lies above it was written before it, and it replaced
        return p.equals(pointer) || w.holds(p, pointer) ? merge(who, w.who) : who;
      }
      if (p.isEmpty()) {
        return who;
      }
    }
  }

  private void note(int index) {
    Revision r = trace.get(index);
    indexOf.put(r.seq(), index);
    String pointer;
    if (r.path() instanceof TracePath.OfValue v) {
      pointer = v.pointer();
    } else if (r.path() instanceof TracePath.OfRecord) {
      pointer = "";
    } else {
      return;
    }
    if (!pointer.isEmpty() && reordered(index, r, pointer)) {
      return;
    }
    String id = r.actor().id();
    int row = pointer.isEmpty() ? -1 : row(pointer);
    if (row >= 0 && r.oldValue() == null) {
      move(new Move(index, Kind.INSERT, parent(pointer), row, null)); // those after move down
    }
    String prior = r.oldValue() == null ? null : owners(pointer);
    clearBelow(pointer);
    moves.add(new Move(index, Kind.WRITE, pointer, -1, null));
    if (r.newValue() == null) {
      at.remove(pointer);
      if (row >= 0) {
        move(new Move(index, Kind.REMOVE, parent(pointer), row, null)); // those after move up
      }
    } else {
      at.put(pointer, new Write(merge(prior, id),
          r.newValue(), r.path() instanceof TracePath.OfRecord));
    }
    for (String p = pointer; !p.isEmpty(); p = parent(p)) {
      int k = row(p);
      if (k >= 0) {
        top.merge(parent(p), k, Math::max);
      }
      below.merge(parent(p), id, Writers::merge);
    }
  }

  /**
   * A group written whole with the same rows in another order (an entry moved): its rows are
   * known by what they hold, so what is kept of them moves with them, and nobody wrote anything.
   */
  private boolean reordered(int index, Revision r, String pointer) {
    int[] order = CanonicalJson.rowOrder(r.oldValue(), r.newValue());
    if (order == null) {
      return false;
    }
    move(new Move(index, Kind.REORDER, pointer, -1, order));
    return true;
  }

  private void clearBelow(String pointer) {
    at.subMap(pointer + "/", true, pointer + "0", false).clear();
    below.subMap(pointer + "/", true, pointer + "0", false).clear();
    below.remove(pointer);
  }

  /** Rows of a group moved: what is kept of them, and how whole writes above are read. */
  private void move(Move m) {
    moves.add(m);
    String g = m.group();
    Integer highest = top.get(g);
    if (highest != null && (m.kind() != Kind.INSERT || m.at() <= highest)) {
      moveIn(at, m);
      moveIn(below, m);
      // a table inside the group's rows (a repeat group's entries with rows of their own) is
      // known by its row's pointer: it moves with its row
      moveIn(top, m);
      if (m.kind() == Kind.INSERT) {
        top.put(g, highest + 1);
      }
    }
    for (String p = g; ; p = parent(p)) {
      Write w = at.get(p);
      if (w != null) {
        w.since.add(new Move(m.index(), m.kind(), g.substring(p.length()), m.at(), m.order()));
      }
      if (p.isEmpty()) {
        break;
      }
    }
  }

  private static <V> void moveIn(NavigableMap<String, V> map, Move m) {
    NavigableMap<String, V> rows = map.subMap(m.group() + "/", true, m.group() + "0", false);
    List<Map.Entry<String, V>> moved = new ArrayList<>();
    for (var it = rows.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, V> e = it.next();
      // read before removing: a TreeMap may reuse the entry for its successor on removal
      String key = e.getKey();
      V value = e.getValue();
      String to = after(m, key);
      if (!key.equals(to)) {
        it.remove();
        if (to != null) {
          moved.add(Map.entry(to, value));
        }
      }
    }
    moved.forEach(e -> map.put(e.getKey(), e.getValue()));
  }

  /** Where a pointer is after a move (null: in the row taken out). */
  private static String after(Move m, String p) {
    int k = rowUnder(m.group(), p);
    if (k < 0) {
      return p;
    }
    int to = switch (m.kind()) {
      case INSERT -> k >= m.at() ? k + 1 : k;
      case REMOVE -> k == m.at() ? -1 : k > m.at() ? k - 1 : k;
      case REORDER -> k < m.order().length ? m.order()[k] : k;
      case WRITE -> k;
    };
    return to < 0 ? null : withRow(m.group(), p, to);
  }

  /** Where a pointer was before a move (null: in the row put in). */
  private static String before(Move m, String p) {
    int k = rowUnder(m.group(), p);
    if (k < 0) {
      return p;
    }
    int from = k;
    switch (m.kind()) {
      case INSERT -> from = k == m.at() ? -1 : k > m.at() ? k - 1 : k;
      case REMOVE -> from = k >= m.at() ? k + 1 : k;
      case REORDER -> {
        for (int o = 0; o < m.order().length; o++) {
          if (m.order()[o] == k) {
            from = o;
          }
        }
      }
      default -> { }
    }
    return from < 0 ? null : withRow(m.group(), p, from);
  }

  /** The row index right under {@code group} in {@code p}, or -1. */
  private static int rowUnder(String group, String p) {
    if (!p.startsWith(group + "/")) {
      return -1;
    }
    int end = p.indexOf('/', group.length() + 1);
    return number(p.substring(group.length() + 1, end < 0 ? p.length() : end));
  }

  private static String withRow(String group, String p, int row) {
    int end = p.indexOf('/', group.length() + 1);
    return group + "/" + row + (end < 0 ? "" : p.substring(end));
  }

  /** The pointer's last token as a row index, or -1. */
  private static int row(String pointer) {
    return number(pointer.substring(pointer.lastIndexOf('/') + 1));
  }

  private static int number(String token) {
    if (token.isEmpty() || token.length() > 9) {
      return -1;
    }
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) < '0' || token.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(token);
  }

  private static String parent(String pointer) {
    return pointer.substring(0, pointer.lastIndexOf('/'));
  }

  private static String merge(String a, String b) {
    return a == null ? b : b == null || a.equals(b) ? a : MANY;
  }
}

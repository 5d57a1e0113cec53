package org.emrkit.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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
 * resident changing it again after that, a nurse a colleague's row). Package-private; one per
 * pass over a trace, in its order.
 *
 * <p>A value's writers are those of the last write that put it as a whole (at its pointer, or
 * above it — the record as created put all its first values — when that write held it), with,
 * when that write changed a value that was there, the writers of what it replaced, and the
 * writers of anything below it written since. A value written from empty, or removed, starts
 * again. Rows inserted or removed move what is kept of the rows after them, so that a row is
 * known by what it holds, not by where it stood. Per revision: a look-up per level of its
 * pointer, and a walk over what is kept below it when it replaces or moves rows.
 */
final class Writers {

  /** Written by more than one person. */
  private static final String MANY = "*";

  /** A write kept at a pointer: who wrote what it holds, and what it put (for what lies below). */
  private static final class Write {
    final String who;
    final String json;
    /** The record as created: its JSON holds the values under "values". */
    final boolean record;
    JsonNode tree;

    Write(String who, String json, boolean record) {
      this.who = who;
      this.json = json;
      this.record = record;
    }

    /** Whether this write, at {@code at}, put a value at {@code pointer} below it. */
    boolean holds(String at, String pointer) {
      if (tree == null) {
        tree = CanonicalJson.parse(json);
      }
      JsonNode n = tree.at((record ? "/values" : "") + pointer.substring(at.length()));
      return !n.isMissingNode() && !n.isNull() && !(n.isTextual() && n.asText().isBlank());
    }
  }

  private final List<Revision> trace;
  /** The last whole write at each pointer ("" for the record as created). */
  private final NavigableMap<String, Write> at = new TreeMap<>();
  /** Who wrote below each pointer since its last whole write. */
  private final NavigableMap<String, String> below = new TreeMap<>();
  /** Rows put in (by +1) or taken out (-1), in trace order: {revision index, from, by}. */
  private final List<Object[]> moves = new ArrayList<>();
  private int done;

  Writers(List<Revision> trace) {
    this.trace = trace;
  }

  /** Whether {@code r}, in this trace, changes a value someone other than its actor wrote. */
  boolean anothers(Revision r, String pointer) {
    catchUp(r);
    if (r.oldValue() == null) {
      return false; // a value first written is nobody's yet
    }
    String who = owners(pointer);
    return who != null && !who.equals(r.actor().id());
  }

  /**
   * Where a value written by revision {@code seq} at {@code path} ({@code /values...}) is now, in
   * the whole trace: moved by the rows put in and taken out before it since, or {@code null} when
   * its row was taken out.
   */
  String now(String path, int seq) {
    while (done < trace.size()) {
      note(trace.get(done++));
    }
    String p = path.substring("/values".length());
    for (Object[] m : moves) {
      int when = (int) m[0] - (seq - 1); // revision indexes are sequence numbers less one
      if (when < 0 || when == 0 && (int) m[3] > 0) {
        continue; // before the change, or the row the change itself put in
      }
      String group = (String) m[1];
      if (!p.startsWith(group + "/")) {
        continue;
      }
      String rest = p.substring(group.length() + 1);
      int slash = rest.indexOf('/');
      String token = slash < 0 ? rest : rest.substring(0, slash);
      if (!token.matches("[0-9]{1,9}")) {
        continue;
      }
      int row = Integer.parseInt(token);
      int at = (int) m[2];
      int by = (int) m[3];
      if (by < 0 && row == at) {
        return null; // its row was taken out
      }
      if (by > 0 ? row >= at : row > at) {
        p = group + "/" + (row + by) + (slash < 0 ? "" : rest.substring(slash));
      }
    }
    return "/values" + p;
  }

  private void catchUp(Revision r) {
    int index = r.seq() - 1 < trace.size() && trace.get(r.seq() - 1) == r ? r.seq() - 1
        : trace.indexOf(r);
    while (done < index) {
      note(trace.get(done++));
    }
  }

  /** Who wrote the value at the pointer as it stands (null: nobody yet). */
  private String owners(String pointer) {
    String who = below.get(pointer);
    for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
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

  private void note(Revision r) {
    String pointer;
    if (r.path() instanceof TracePath.OfValue v) {
      pointer = v.pointer();
    } else if (r.path() instanceof TracePath.OfRecord) {
      pointer = "";
    } else {
      return;
    }
    String id = r.actor().id();
    boolean record = pointer.isEmpty() && r.path() instanceof TracePath.OfRecord;
    int index = pointer.isEmpty() ? -1 : index(pointer);
    if (index >= 0 && r.oldValue() == null) {
      move(parent(pointer), index, 1); // a row put in: those after it move down
      moves.add(new Object[] {done - 1, parent(pointer), index, 1});
    }
    String prior = r.oldValue() == null ? null : owners(pointer);
    clearBelow(pointer);
    if (r.newValue() == null) {
      at.remove(pointer);
      if (index >= 0) {
        move(parent(pointer), index + 1, -1); // a row taken out: those after it move up
        moves.add(new Object[] {done - 1, parent(pointer), index, -1});
      }
    } else {
      at.put(pointer, new Write(merge(prior, id), r.newValue(), record));
    }
    for (String p = pointer; !p.isEmpty(); ) {
      p = parent(p);
      below.merge(p, id, Writers::merge);
    }
  }

  private void clearBelow(String pointer) {
    at.subMap(pointer + "/", true, pointer + "0", false).clear();
    below.subMap(pointer + "/", true, pointer + "0", false).clear();
    below.remove(pointer);
  }

  /** Moves what is kept of the rows of a group from {@code from} on by {@code by}. */
  private void move(String group, int from, int by) {
    moveIn(at, group, from, by);
    moveIn(below, group, from, by);
  }

  private static <V> void moveIn(NavigableMap<String, V> map, String group, int from, int by) {
    NavigableMap<String, V> rows = map.subMap(group + "/", true, group + "0", false);
    List<Map.Entry<String, V>> moved = new ArrayList<>();
    for (Map.Entry<String, V> e : rows.entrySet()) {
      String rest = e.getKey().substring(group.length() + 1);
      int slash = rest.indexOf('/');
      String token = slash < 0 ? rest : rest.substring(0, slash);
      if (token.matches("[0-9]{1,9}") && Integer.parseInt(token) >= from) {
        moved.add(Map.entry(group + "/" + (Integer.parseInt(token) + by)
            + (slash < 0 ? "" : rest.substring(slash)), e.getValue()));
      }
    }
    rows.keySet().removeIf(k -> {
      String rest = k.substring(group.length() + 1);
      int slash = rest.indexOf('/');
      String token = slash < 0 ? rest : rest.substring(0, slash);
      return token.matches("[0-9]{1,9}") && Integer.parseInt(token) >= from;
    });
    moved.forEach(e -> map.put(e.getKey(), e.getValue()));
  }

  /** The pointer's last token as a row index, or -1. */
  private static int index(String pointer) {
    String last = pointer.substring(pointer.lastIndexOf('/') + 1);
    return last.matches("[0-9]{1,9}") ? Integer.parseInt(last) : -1;
  }

  private static String parent(String pointer) {
    return pointer.substring(0, pointer.lastIndexOf('/'));
  }

  private static String merge(String a, String b) {
    return a == null ? b : b == null || a.equals(b) ? a : MANY;
  }
}

package org.emrkit.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.emrkit.json.CanonicalJson;
import org.emrkit.problem.Location;
import org.emrkit.template.Field;
import org.emrkit.template.FieldScope;
import org.emrkit.template.FieldType;

/**
 * Record values as JSON trees, as the trace replay sees them (package-private): signature values
 * left out (the record's signatures put those there), empty lists and objects left out (a group
 * with no entries is absent), and the few changes a revision makes: set or clear a member, insert
 * or remove a group entry, replace a whole group.
 */
final class ValueTrees {

  private ValueTrees() {}

  /** The values object without signature values or empty groups, as a new tree. */
  static ObjectNode strip(JsonNode values, FieldScope scope) {
    ObjectNode out = CanonicalJson.NODES.objectNode();
    if (!values.isObject()) {
      return out;
    }
    values.properties().forEach(e -> {
      JsonNode v = stripMember(e.getKey(), e.getValue(), scope);
      if (v != null) {
        out.set(e.getKey(), v);
      }
    });
    return out;
  }

  /**
   * A record's values as {@link #strip(JsonNode, FieldScope)} makes them of their JSON tree,
   * made from the model without the whole tree first (the audit compares every record's values
   * with its trace's).
   */
  static ObjectNode strip(org.emrkit.record.Values values, FieldScope scope) {
    ObjectNode out = CanonicalJson.NODES.objectNode();
    values.asMap().forEach((name, v) -> {
      Optional<Field> f = scope.field(name);
      if (f.isPresent() && f.get().type() == FieldType.SIGNATURE) {
        return;
      }
      Optional<FieldScope> g = scope.group(name);
      if (g.isPresent() && v instanceof org.emrkit.record.Value.Rows rows) {
        ArrayNode a = CanonicalJson.NODES.arrayNode();
        rows.rows().forEach(row -> a.add(strip(row, g.get())));
        if (!a.isEmpty()) {
          out.set(name, a);
        }
      } else {
        out.set(name, copy(org.emrkit.json.RecordJson.tree(v)));
      }
    });
    return out;
  }

  /**
   * Whether a record's values are, as {@link #strip(org.emrkit.record.Values, FieldScope)} would
   * make them, {@link #same} as {@code tree} - without making them: text and numbers are compared
   * with the tree's nodes as they are, other values through their tree. Exact: {@code true}
   * exactly when the stripped values and the tree are the same (an audit reads a {@code false}
   * by making the stripped values and listing the differences).
   */
  static boolean matches(org.emrkit.record.Values values, JsonNode tree, FieldScope scope) {
    if (tree == null || !tree.isObject()) {
      return false;
    }
    int[] n = {0};
    return values.allMatch((name, v) -> {
      Optional<Field> f = scope.field(name);
      if (f.isPresent() && f.get().type() == FieldType.SIGNATURE) {
        return true;
      }
      JsonNode t = tree.get(name);
      // a group's scope looked up only for a list (most values are not)
      FieldScope g = v instanceof org.emrkit.record.Value.Rows ? scope.group(name).orElse(null)
          : null;
      if (g != null) {
        List<org.emrkit.record.Values> rows = ((org.emrkit.record.Value.Rows) v).rows();
        if (rows.isEmpty()) {
          return true; // left out, as strip leaves it out
        }
        if (t == null || !t.isArray() || t.size() != rows.size()) {
          return false;
        }
        for (int i = 0; i < t.size(); i++) {
          if (!matches(rows.get(i), t.get(i), g)) {
            return false;
          }
        }
      } else if (!matches(v, t)) {
        return false;
      }
      n[0]++;
      return true;
    }) && n[0] == tree.size();
  }

  private static boolean matches(org.emrkit.record.Value v, JsonNode t) {
    if (t == null) {
      return false;
    }
    if (v instanceof org.emrkit.record.Value.Str s) {
      return text(t, s.value());
    }
    if (v instanceof org.emrkit.record.Value.Num num) {
      // as the record's tree writes it (the node factory decides the scale), then compared
      return t.isNumber() && t.decimalValue().equals(CanonicalJson.NODES.numberNode(num.value())
          .decimalValue());
    }
    if (v instanceof org.emrkit.record.Value.Bool b) {
      return t.isBoolean() && t.booleanValue() == b.value();
    }
    if (v instanceof org.emrkit.record.Value.Choices c) {
      if (!t.isArray() || t.size() != c.values().size()) {
        return false;
      }
      for (int i = 0; i < t.size(); i++) {
        if (!text(t.get(i), c.values().get(i))) {
          return false;
        }
      }
      return true;
    }
    if (v instanceof org.emrkit.record.Value.Coded c) {
      // as the record's tree writes a coding: its code, and its other parts when present
      org.emrkit.record.Coding k = c.coding();
      int members = 1 + (k.display() != null ? 1 : 0) + (k.system() != null ? 1 : 0)
          + (k.version() != null ? 1 : 0);
      return t.isObject() && t.size() == members && text(t.get("code"), k.code())
          && (k.display() == null || text(t.get("display"), k.display()))
          && (k.system() == null || text(t.get("system"), k.system()))
          && (k.version() == null || text(t.get("version"), k.version()));
    }
    return same(copy(org.emrkit.json.RecordJson.tree(v)), t);
  }

  /** Whether a node is the text {@code s}. */
  private static boolean text(JsonNode n, String s) {
    return n != null && n.isTextual() && n.textValue().equals(s);
  }

  /** A member's value as the replay keeps it, or {@code null} when it is left out. */
  private static JsonNode stripMember(String name, JsonNode v, FieldScope scope) {
    Optional<Field> f = scope.field(name);
    if (f.isPresent() && f.get().type() == FieldType.SIGNATURE) {
      return null;
    }
    Optional<FieldScope> g = scope.group(name);
    if (g.isPresent() && v.isArray()) {
      ArrayNode rows = CanonicalJson.NODES.arrayNode();
      v.forEach(row -> rows.add(strip(row, g.get())));
      return rows.isEmpty() ? null : rows;
    }
    return v.isNull() ? null : copy(v);
  }

  /**
   * A copy with every number as an exact decimal: a number parsed from text and one written from
   * the model compare equal when their digits do ({@code 90} and {@code 90}, not {@code 90.0}).
   */
  static JsonNode copy(JsonNode v) {
    if (v.isNumber()) {
      return CanonicalJson.NODES.numberNode(v.decimalValue());
    }
    if (v.isObject()) {
      ObjectNode o = CanonicalJson.NODES.objectNode();
      v.properties().forEach(e -> o.set(e.getKey(), copy(e.getValue())));
      return o;
    }
    if (v.isArray()) {
      ArrayNode a = CanonicalJson.NODES.arrayNode();
      v.forEach(x -> a.add(copy(x)));
      return a;
    }
    return v;
  }

  /**
   * A value found at {@code tokens} as the replay keeps it: a group entry or a group without its
   * signature values, a field's value as it is; {@code null} for none.
   */
  static JsonNode stripAt(JsonNode v, FieldScope root, List<String> tokens) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (tokens.isEmpty()) {
      return strip(v, root);
    }
    FieldScope scope = root;
    for (int k = 0; k < tokens.size(); k++) {
      String name = tokens.get(k);
      Optional<FieldScope> g = scope.group(name);
      if (g.isEmpty()) {
        return k == tokens.size() - 1 ? stripMember(name, v, scope) : copy(v);
      }
      if (k == tokens.size() - 1) {
        return stripMember(name, v, scope);
      }
      if (k == tokens.size() - 2) {
        return v.isObject() ? strip(v, g.get()) : copy(v);
      }
      scope = g.get();
      k++;
    }
    return copy(v);
  }

  /** The node at {@code tokens}, or {@code null}. */
  static JsonNode get(JsonNode root, List<String> tokens) {
    JsonNode at = root;
    for (String t : tokens) {
      if (at == null) {
        return null;
      }
      at = at.isArray() ? index(t, at.size() - 1) < 0 ? null : at.get(index(t, at.size() - 1))
          : at.isObject() ? at.get(t) : null;
    }
    return at;
  }

  /**
   * Applies one change to {@code root} in place: the value at {@code tokens} becomes
   * {@code value} ({@code null} clears it). In a group, a new value at an index one past the end
   * or before an entry is inserted ({@code insert}), a cleared one removed.
   *
   * @return false when the place does not exist (no such group, entry or object)
   */
  static boolean apply(ObjectNode root, List<String> tokens, JsonNode value, boolean insert) {
    if (tokens.isEmpty()) {
      root.removeAll();
      if (value != null && value.isObject()) {
        root.setAll((ObjectNode) value);
      }
      return value == null || value.isObject();
    }
    JsonNode parent = tokens.size() == 1 ? root : get(root, tokens.subList(0, tokens.size() - 1));
    String last = tokens.get(tokens.size() - 1);
    if (parent instanceof ObjectNode o) {
      if (value == null) {
        o.remove(last);
      } else {
        o.set(last, value);
      }
      return true;
    }
    if (parent instanceof ArrayNode a) {
      int i = index(last, insert ? a.size() : a.size() - 1);
      if (i < 0 || value != null && !value.isObject()) {
        return false;
      }
      if (value == null) {
        a.remove(i);
      } else if (insert) {
        a.insert(i, value);
      } else {
        a.set(i, value);
      }
      return true;
    }
    return false;
  }

  /** Leaves out the groups that a change left empty (a group with no entries is absent). */
  static void prune(ObjectNode values) {
    List<String> empty = new ArrayList<>();
    values.properties().forEach(e -> {
      if (e.getValue().isArray()) {
        e.getValue().forEach(row -> {
          if (row instanceof ObjectNode o) {
            prune(o);
          }
        });
        if (e.getValue().isEmpty()) {
          empty.add(e.getKey());
        }
      }
    });
    values.remove(empty);
  }

  /** An index in a pointer: no leading zero, at most seven digits. */
  private static final java.util.regex.Pattern INDEX =
      java.util.regex.Pattern.compile("0|[1-9]\\d{0,6}");

  /** A pointer token read as an index from 0 to {@code max}, or -1. */
  static int index(String token, int max) {
    if (!INDEX.matcher(token).matches()) {
      return -1;
    }
    int i = Integer.parseInt(token);
    return i <= max ? i : -1;
  }

  /** The tokens of a JSON pointer ({@code ""} has none). */
  static List<String> tokens(String pointer) {
    List<String> out = new ArrayList<>();
    if (pointer.isEmpty()) {
      return out;
    }
    for (String t : pointer.substring(1).split("/", -1)) {
      out.add(t.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  /**
   * Whether two trees are the same, numbers by their digits as written: {@code 172.0} is not
   * {@code 172} (canonical text, and so every hash, tells them apart; Jackson's own equality of
   * decimal nodes does not, and a value rewritten so went unnoticed).
   */
  static boolean same(JsonNode a, JsonNode b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().equals(b.decimalValue()); // BigDecimal equality: value and scale
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (java.util.Map.Entry<String, JsonNode> e : a.properties()) {
        if (!same(e.getValue(), b.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /**
   * The pointers (under {@code at}) where two trees differ, the first {@code limit} of them: a
   * member or entry one has and the other has not, or a value that differs.
   */
  static void diff(JsonNode a, JsonNode b, String at, List<String> out, int limit) {
    a = a == null || a.isNull() ? null : a;
    b = b == null || b.isNull() ? null : b;
    if (out.size() >= limit || same(a, b)) {
      return;
    }
    if (a != null && b != null && a.isObject() && b.isObject()) {
      java.util.TreeSet<String> names = new java.util.TreeSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        diff(a.get(n), b.get(n), at + "/" + Location.Pointer.token(n), out, limit);
      }
      return;
    }
    if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        diff(a.get(i), b.get(i), at + "/" + i, out, limit);
      }
      return;
    }
    out.add(at);
  }
}

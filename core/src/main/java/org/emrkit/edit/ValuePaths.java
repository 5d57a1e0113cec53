package org.emrkit.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Field;
import org.emrkit.template.FieldScope;

/**
 * JSON pointers into a record's values ({@code /chiefComplaint}, {@code /diagnoses/1/diagnosis}):
 * what they name in a template's scopes, and values read or replaced at them. Package-private;
 * the edit session's path arithmetic.
 */
final class ValuePaths {

  private ValuePaths() {}

  /** What a pointer names: a field, or an entry of a group, with its parsed tokens. */
  static final class Target {
    List<String> tokens;
    Field field;
    FieldScope entryScope;
    Refusal refusal;
  }

  /** A group (list) and its current entries. */
  static final class GroupTarget {
    String path;
    List<String> tokens;
    FieldScope scope;
    List<Values> rows;
    Refusal refusal;
  }

  /** What {@code path} names in {@code all}, the values of a template with root scope {@code root}. */
  static Target resolve(FieldScope root, Values all, String path) {
    Target t = new Target();
    if (!path.startsWith("/") || path.length() > 1000) {
      t.refusal = new Refusal("edit/path", path, "路径应为 JSON 指针，例如 /chiefComplaint：" + path,
          "a path must be a JSON pointer like /chiefComplaint: " + path);
      return t;
    }
    List<String> tokens = new ArrayList<>();
    for (String s : path.substring(1).split("/", -1)) {
      tokens.add(s.replace("~1", "/").replace("~0", "~"));
    }
    t.tokens = List.copyOf(tokens);
    FieldScope scope = root;
    Values values = all;
    for (int k = 0; k < tokens.size(); k++) {
      String name = tokens.get(k);
      Field f = scope.fields().get(name);
      if (f != null && k == tokens.size() - 1) {
        t.field = f;
        return t;
      }
      FieldScope g = scope.groups().get(name);
      if (g == null || k + 1 >= tokens.size()) {
        t.refusal = new Refusal("edit/unknown-path", path, "模板没有此字段：" + path,
            "the template has no field " + path);
        return t;
      }
      List<Values> rows = values.rows(name);
      int i = index(tokens.get(k + 1), rows.size());
      if (i < 0) {
        t.refusal = noEntry(path);
        return t;
      }
      scope = g;
      values = rows.get(i);
      k++;
      if (k == tokens.size() - 1) {
        t.entryScope = g;
        return t;
      }
    }
    t.refusal = new Refusal("edit/unknown-path", path, "模板没有此字段：" + path,
        "the template has no field " + path);
    return t;
  }

  /** The group (repeat group or repeating table) {@code groupPath} names in {@code all}. */
  static GroupTarget group(FieldScope root, Values all, String groupPath) {
    GroupTarget g = new GroupTarget();
    g.path = groupPath;
    String parent = groupPath.lastIndexOf('/') <= 0 ? ""
        : groupPath.substring(0, groupPath.lastIndexOf('/'));
    String name = groupPath.substring(groupPath.lastIndexOf('/') + 1);
    FieldScope scope;
    Values values;
    List<String> tokens = new ArrayList<>();
    if (parent.isEmpty()) {
      scope = root;
      values = all;
    } else {
      Target t = resolve(root, all, parent);
      if (t.refusal != null || t.entryScope == null) {
        g.refusal = t.refusal != null ? t.refusal : notAGroup(groupPath);
        return g;
      }
      scope = t.entryScope;
      values = entryAt(all, t.tokens);
      tokens.addAll(t.tokens);
    }
    if (!groupPath.startsWith("/") || scope.groups().get(name) == null) {
      g.refusal = notAGroup(groupPath);
      return g;
    }
    tokens.add(name);
    g.tokens = List.copyOf(tokens);
    g.scope = scope.groups().get(name);
    g.rows = values.rows(name);
    return g;
  }

  static int index(String token, int size) {
    return ValueTrees.index(token, size - 1);
  }

  /** The entry values at tokens {@code [group, i, group, j ...]}. */
  static Values entryAt(Values values, List<String> tokens) {
    Values v = values;
    for (int k = 0; k + 1 < tokens.size(); k += 2) {
      v = v.rows(tokens.get(k)).get(Integer.parseInt(tokens.get(k + 1)));
    }
    return v;
  }

  static Value valueAt(Values values, List<String> tokens) {
    Values scope = entryAt(values, tokens.subList(0, tokens.size() - 1));
    return scope.get(tokens.get(tokens.size() - 1)).orElse(null);
  }

  /** Values with the value at tokens[k..] set (or cleared when {@code value} is null). */
  static Values put(Values values, List<String> tokens, int k, Value value) {
    String name = tokens.get(k);
    if (k == tokens.size() - 1) {
      boolean empty = value == null || value instanceof Value.Rows rows && rows.rows().isEmpty();
      return empty ? values.without(name) : values.with(name, value);
    }
    List<Values> rows = new ArrayList<>(values.rows(name));
    int i = Integer.parseInt(tokens.get(k + 1));
    rows.set(i, put(rows.get(i), tokens, k + 2, value));
    return values.with(name, new Value.Rows(rows));
  }

  static Value rowsValue(List<Values> rows) {
    return rows.isEmpty() ? null : new Value.Rows(rows);
  }

  /** Values without any signature value, at any depth. */
  static Values stripSigned(Values values) {
    Map<String, Value> out = new LinkedHashMap<>();
    values.asMap().forEach((k, v) -> {
      if (v instanceof Value.Rows rows) {
        out.put(k, new Value.Rows(rows.rows().stream().map(ValuePaths::stripSigned).toList()));
      } else if (!(v instanceof Value.Signed)) {
        out.put(k, v);
      }
    });
    return Values.of(out);
  }

  static Refusal noEntry(String path) {
    return new Refusal("edit/no-entry", path, "没有此条目：" + path, "there is no entry " + path);
  }

  static Refusal notAGroup(String path) {
    return new Refusal("edit/not-a-group", path, "该路径不是重复组或重复表格：" + path,
        "not a repeat group or repeating table: " + path);
  }
}

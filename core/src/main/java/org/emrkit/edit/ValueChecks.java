package org.emrkit.edit;

import java.util.Map;
import java.util.Optional;
import org.emrkit.json.JsonLimits;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Field;
import org.emrkit.template.FieldScope;
import org.emrkit.template.FieldType;

/**
 * Whether values fit a template's fields before an edit applies them: kinds by field type,
 * known names, list bounds, nesting depth. Package-private; each check returns the refusal to
 * give, or empty.
 */
final class ValueChecks {

  private ValueChecks() {}

  /** Refuses a field the clinician does not set: signature, computed, read-only. */
  static Optional<Refusal> fieldEditable(Field f, String path) {
    if (f.type() == FieldType.SIGNATURE) {
      return Optional.of(new Refusal("edit/signature-field", path,
          "签名字段只能通过签名操作填写(" + path + ")",
          "a signature field is filled only by signing (" + path + ")"));
    }
    if (!f.type().isStored()) {
      return Optional.of(new Refusal("edit/computed", path, "该字段由系统计算，不能填写(" + path + ")",
          "this field is computed and cannot be set (" + path + ")"));
    }
    if (f.readonly()) {
      return Optional.of(new Refusal("edit/readonly", path, "该字段只读(" + path + ")",
          "this field is read-only (" + path + ")"));
    }
    return Optional.empty();
  }

  /** Whether a value is of the kind the field type stores. */
  static Optional<Refusal> fits(Field f, Value v, String path) {
    boolean ok = f.type().isStored() && v.fits(f.type());
    if (ok) {
      return Optional.empty();
    }
    return Optional.of(new Refusal("edit/type", path,
        "字段 " + f.name() + " 是" + f.type().label() + "类型，不能填入" + v.kind() + "值(" + path
            + ")", "field " + f.name() + " is a " + f.type().label() + " field; a " + v.kind()
            + " value does not fit (" + path + ")"));
  }

  /** Checks values for a scope: known names, fitting types, no signatures, bounded depth. */
  static Optional<Refusal> checkValues(FieldScope scope, Values values, String prefix,
      int depth) {
    return check(scope, values, prefix, depth, true);
  }

  /**
   * Checks a whole record's values as a session opens it: known names, fitting types, lists
   * where the template has lists; not the lists' bounds (too many entries is a finding of
   * validation, not a reason to refuse a record).
   */
  static Optional<Refusal> checkShape(FieldScope scope, Values values) {
    return check(scope, values, "", 0, false);
  }

  /**
   * {@code merging}: values posted or set, where a list's bounds are checked and signature
   * values are ignored (signing puts them there); else a record as a session opens it, where
   * bounds are not checked and a signature field must hold a signature.
   */
  private static Optional<Refusal> check(FieldScope scope, Values values, String prefix,
      int depth, boolean merging) {
    if (merging && depth > 20) {
      // what is posted or set; a record opened is bounded by Values.MAX_DEPTH, past any template
      return Optional.of(new Refusal("edit/too-deep", prefix, "嵌套过深", "nested too deep"));
    }
    for (Map.Entry<String, Value> e : values.asMap().entrySet()) {
      String p = prefix + "/" + org.emrkit.problem.Location.Pointer.token(e.getKey());
      Field f = scope.fields().get(e.getKey());
      FieldScope g = scope.groups().get(e.getKey());
      if (f != null) {
        if (!f.type().isStored() || merging && f.type() == FieldType.SIGNATURE) {
          // computed values are not stored; signature values are ignored when merged (signing
          // puts them there), but a record opened must hold a signature in a signature field
          continue;
        }
        Optional<Refusal> r = fits(f, e.getValue(), p);
        if (r.isPresent()) {
          return r;
        }
      } else if (g != null) {
        if (!(e.getValue() instanceof Value.Rows rows)) {
          return Optional.of(new Refusal("edit/type", p, p + " 应为条目列表",
              p + " must be a list of entries"));
        }
        if (merging && g.max() != null && rows.rows().size() > g.max()) {
          return Optional.of(new Refusal("edit/max-entries", p, p + " 最多 " + g.max() + " 项",
              p + " holds at most " + g.max() + " entries"));
        }
        for (int i = 0; i < rows.rows().size(); i++) {
          Optional<Refusal> r = check(g, rows.rows().get(i), p + "/" + i, depth + 1, merging);
          if (r.isPresent()) {
            return r;
          }
        }
      } else {
        return Optional.of(new Refusal("edit/unknown-path", p, "模板没有此字段：" + p,
            "the template has no field " + p));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the record would read back with the reader's default limits ({@link
   * JsonLimits#DEFAULT}): a record built through the API can hold a string longer than the
   * reader takes, more values, or more text than a record may have; saved, it would not read
   * back. The record's JSON is written and measured only when a count of its text says it may
   * be too long.
   */
  static Optional<Refusal> readable(Record r) {
    JsonLimits limits = JsonLimits.DEFAULT;
    int size = r.values().deepSize();
    if (size > limits.maxValues()) {
      return Optional.of(new Refusal("edit/too-large", "", "病历字段值过多（" + size + "，上限 "
          + limits.maxValues() + "）", "too many values in the record (" + size + "; limit "
          + limits.maxValues() + ")"));
    }
    long[] chars = {0};
    Optional<Refusal> r1 = strings(r.values(), "", limits.maxStringChars(), chars);
    if (r1.isPresent()) {
      return r1;
    }
    // every character written as \\u0001 (six: a control character, which the reader takes),
    // an allowance for each value's name and punctuation, the trace and signatures, the
    // template the record carries, what it carries for its host
    long bound = 6 * chars[0] + 96L * size + Changes.upperBound(r)
        + (r.embeddedTemplate() == null ? 0
            : org.emrkit.json.TemplateJson.create().write(r.embeddedTemplate()).length())
        + (r.extensions() == null ? 0 : r.extensions().length());
    if (bound > limits.maxDocumentChars()) {
      int n = org.emrkit.json.RecordJson.create().write(r).length();
      if (n > limits.maxDocumentChars()) {
        return Optional.of(new Refusal("edit/record-too-large", "", "病历过大（" + n
            + " 字符，上限 " + limits.maxDocumentChars() + "），保存后无法读回",
            "the record is too large to read back once saved (" + n + " characters; limit "
                + limits.maxDocumentChars() + ")"));
      }
    }
    return Optional.empty();
  }

  /** The first string longer than {@code max}; adds every string's length to {@code chars}. */
  private static Optional<Refusal> strings(Values values, String prefix, int max,
      long[] chars) {
    for (Map.Entry<String, Value> e : values.asMap().entrySet()) {
      String p = prefix + "/" + org.emrkit.problem.Location.Pointer.token(e.getKey());
      if (e.getValue() instanceof Value.Rows rows) {
        for (int i = 0; i < rows.rows().size(); i++) {
          Optional<Refusal> r = strings(rows.rows().get(i), p + "/" + i, max, chars);
          if (r.isPresent()) {
            return r;
          }
        }
        continue;
      }
      for (String s : strings(e.getValue())) {
        chars[0] += s.length();
        if (s.length() > max) {
          return Optional.of(new Refusal("edit/too-long", p, "填写内容过长（" + s.length()
              + " 字符，上限 " + max + "）：" + p, "value too long (" + s.length()
              + " characters; limit " + max + "): " + p));
        }
      }
    }
    return Optional.empty();
  }

  /** The strings a value holds. */
  private static java.util.List<String> strings(Value v) {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (v instanceof Value.Str s) {
      out.add(s.value());
    } else if (v instanceof Value.Choices c) {
      out.addAll(c.values());
    } else if (v instanceof Value.Coded c) {
      out.add(c.coding().code());
      out.add(c.coding().display());
      out.add(c.coding().system());
      out.add(c.coding().version());
    } else if (v instanceof Value.Signed g) {
      out.add(g.signer().actor().id());
      out.add(g.signer().actor().name());
    }
    out.removeIf(java.util.Objects::isNull);
    return out;
  }

  /** Checks a new entry: {@link #checkValues}, and no signature or computed values. */
  static Optional<Refusal> checkEntry(FieldScope scope, Values entry, String path) {
    Optional<Refusal> r = checkValues(scope, entry, path, 0);
    if (r.isPresent()) {
      return r;
    }
    for (Map.Entry<String, Value> e : entry.asMap().entrySet()) {
      Field f = scope.fields().get(e.getKey());
      if (f != null && (f.type() == FieldType.SIGNATURE || !f.type().isStored())) {
        return fieldEditable(f, path + "/" + e.getKey());
      }
    }
    return Optional.empty();
  }
}

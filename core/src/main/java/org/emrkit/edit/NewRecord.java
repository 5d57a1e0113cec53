package org.emrkit.edit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.emrkit.json.ReadResult;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Context;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Field;
import org.emrkit.template.FieldScope;
import org.emrkit.template.FieldType;
import org.emrkit.template.Template;
import org.emrkit.terminology.DataElements;

/**
 * A new record as a clinician should find it: every field's {@code default} in place (a choice's
 * and a narrative's too: 病史陈述者 = 患者本人), what the host's context already knows filled in
 * where a field is bound to it by data element (性别 DE02.01.040.00 from the patient's sex), and
 * each repeat group or repeating table holding the rows its {@code min} asks for, each with its
 * own defaults. A default that does not read as its field's type is left out.
 */
public final class NewRecord {

  /** Data elements whose value the host's context holds, and where. */
  private static final Map<String, String> FROM_CONTEXT = Map.of(
      "DE02.01.039.00", "patient.name",
      "DE02.01.040.00", "patient.sex",
      "DE02.01.005.01", "patient.birthDate",
      "DE02.01.030.00", "patient.idNumber",
      "DE06.00.092.00", "encounter.admittedAt",
      "DE06.00.017.00", "encounter.events.dischargedAt");

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private NewRecord() {}

  /** A draft of the template for the context, its values started as above. */
  public static Record draft(String id, Template template, Context context) {
    return Record.draft(id, template, context).withValues(values(template, template.scope(),
        context, List.of()));
  }

  private static Values values(Template t, FieldScope scope, Context context,
      List<String> groups) {
    Values out = Values.EMPTY;
    for (Field f : scope.fields().values()) {
      Optional<Value> v = start(t, f, context, groups);
      if (v.isPresent()) {
        out = out.with(f.name(), v.get());
      }
    }
    for (FieldScope g : scope.groups().values()) {
      if (g.min() > 0) {
        List<Values> rows = new ArrayList<>();
        List<String> inner = new ArrayList<>(groups);
        inner.add(g.id());
        for (int i = 0; i < g.min(); i++) {
          rows.add(values(t, g, context, inner));
        }
        out = out.with(g.id(), new Value.Rows(rows));
      }
    }
    return out;
  }

  /**
   * A field's starting value: the context's, else its default; empty for none. It is read as the
   * record JSON reads it, inside the groups that hold the field.
   */
  private static Optional<Value> start(Template t, Field f, Context context,
      List<String> groups) {
    if (f.type() == FieldType.MACRO || f.type() == FieldType.CALC
        || f.type() == FieldType.SIGNATURE) {
      return Optional.empty();
    }
    String path = f.dataElement() == null ? null
        : FROM_CONTEXT.get(DataElements.root(f.dataElement()));
    Optional<String> known = path == null ? Optional.empty() : context.lookup(path);
    String text = known.orElse(f.defaultValue());
    if (text == null) {
      return Optional.empty();
    }
    ObjectNode o = JSON.objectNode();
    switch (f.type()) {
      case INTEGER, DECIMAL -> {
        try {
          o.put(f.name(), new BigDecimal(text));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
      case BOOLEAN -> o.put(f.name(), Boolean.parseBoolean(text));
      case MULTICHOICE -> {
        var a = o.putArray(f.name());
        for (String s : text.split("\\|")) {
          a.add(s);
        }
      }
      case CODED -> o.putObject(f.name()).put("code", text);
      default -> o.put(f.name(), text);
    }
    ObjectNode root = o;
    for (int i = groups.size() - 1; i >= 0; i--) {
      ObjectNode outer = JSON.objectNode();
      outer.putArray(groups.get(i)).add(root);
      root = outer;
    }
    ReadResult<Values> r = RecordJson.create().readValues(root.toString(), t);
    if (!r.isOk()) {
      return Optional.empty();
    }
    Values v = r.orElseThrow();
    for (String g : groups) {
      v = v.rows(g).get(0);
    }
    return v.get(f.name());
  }
}

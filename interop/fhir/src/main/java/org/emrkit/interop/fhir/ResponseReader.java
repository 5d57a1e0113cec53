package org.emrkit.interop.fhir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrkit.problem.Message;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Field;
import org.emrkit.template.FieldScope;
import org.emrkit.template.FieldType;
import org.emrkit.template.TemplateLimits;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;

/**
 * Reads a QuestionnaireResponse's answers back into record values, by link id: a section's
 * group into the scope it is in, each item of a repeat group's link id into an entry, each
 * field's answers into its value; calculated and context fields are not stored and are passed
 * over. What does not fit the template is a {@link ResponseException} at the item's pointer.
 */
final class ResponseReader {

  private final FieldScope root;

  ResponseReader(FieldScope root) {
    this.root = root;
  }

  Values read(List<QuestionnaireResponseItemComponent> items) {
    return Values.of(scope(items, root, "", "", 0));
  }

  private Map<String, Value> scope(List<QuestionnaireResponseItemComponent> items,
      FieldScope scope, String group, String at, int depth) {
    if (depth > TemplateLimits.MAX_BLOCK_DEPTH) {
      throw new ResponseException("fhir/too-deep", at, Message.of("回答嵌套过深",
          "items are nested too deeply"), null);
    }
    Map<String, Value> out = new LinkedHashMap<>();
    Map<String, List<Values>> rows = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      QuestionnaireResponseItemComponent item = items.get(i);
      String here = at + "/item/" + i;
      String linkId = item.getLinkId() == null ? "" : item.getLinkId();
      String name = linkId.substring(linkId.lastIndexOf('/') + 1);
      boolean inScope = Links.parent(linkId).equals(group);
      if (linkId.startsWith("#")) {
        merge(out, scope(item.getItem(), scope, group, here, depth + 1), here);
      } else if (inScope && scope.groups().containsKey(name)) {
        List<Values> entries = rows.computeIfAbsent(name, k -> new ArrayList<>());
        if (entries.size() == TemplateLimits.MAX_REPEATS) {
          throw new ResponseException("fhir/too-many", here, Message.of("「" + name + "」超过 "
              + TemplateLimits.MAX_REPEATS + " 条", name + " has more than "
              + TemplateLimits.MAX_REPEATS + " entries"), null);
        }
        entries.add(Values.of(scope(item.getItem(), scope.groups().get(name), linkId, here,
            depth + 1)));
      } else if (inScope && scope.fields().containsKey(name)) {
        Field f = scope.fields().get(name);
        if (f.type() != FieldType.CALC && f.type() != FieldType.MACRO) {
          Value v = answer(f, item, here);
          if (v != null) {
            put(out, name, v, here);
          }
        }
      } else {
        throw new ResponseException("fhir/unknown-item", here + "/linkId", Message.of(
            "模板中没有 linkId 为「" + linkId + "」的项目", "the template has no item with linkId "
                + linkId), null);
      }
    }
    for (Map.Entry<String, List<Values>> r : rows.entrySet()) {
      put(out, r.getKey(), new Value.Rows(r.getValue()), at);
    }
    return out;
  }

  private static Value answer(Field f, QuestionnaireResponseItemComponent item, String at) {
    try {
      return Answers.read(f, item);
    } catch (RuntimeException e) {
      throw new ResponseException("fhir/bad-answer", at + "/answer", Message.of(
          "「" + item.getLinkId() + "」的回答不符合字段类型 " + f.type().label() + "：" + e.getMessage(),
          "the answer to " + item.getLinkId() + " does not fit a " + f.type().label()
              + " field: " + e.getMessage()), e);
    }
  }

  private static void merge(Map<String, Value> into, Map<String, Value> from, String at) {
    for (Map.Entry<String, Value> e : from.entrySet()) {
      put(into, e.getKey(), e.getValue(), at);
    }
  }

  private static void put(Map<String, Value> into, String name, Value v, String at) {
    if (into.putIfAbsent(name, v) != null) {
      throw new ResponseException("fhir/duplicate-item", at, Message.of(
          "「" + name + "」回答了两次", name + " is answered twice"), null);
    }
  }
}

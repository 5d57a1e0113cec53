package org.emrkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree of plain values as the JSON text every EMRKit document is written as
 * (byte-stable pretty printing), for writers outside this package such as validation reports.
 * Stateless, thread-safe.
 */
public final class JsonText {

  private static final com.fasterxml.jackson.databind.ObjectMapper DEFAULT_MAPPER =
      Json.mapper(JsonLimits.DEFAULT);

  private JsonText() {}

  /**
   * Reads a JSON document the way EMRKit reads its own: within the limits, duplicate members
   * and anything after the value refused, numbers exact ({@link BigDecimal}) and at most 100
   * digits before or after the point; problems say where (line and column, or pointer).
   */
  @SuppressWarnings("exports")
  public static ReadResult<JsonNode> read(String json, JsonLimits limits) {
    java.util.List<JsonProblem> problems = new java.util.ArrayList<>();
    com.fasterxml.jackson.databind.ObjectMapper mapper = limits.equals(JsonLimits.DEFAULT)
        ? DEFAULT_MAPPER : Json.mapper(limits);
    JsonNode node = Json.parse(mapper, limits, json, problems);
    return new ReadResult<>(node, problems);
  }

  /**
   * The byte-stable pretty form of a tree, ending in a newline. The tree holds {@link Map}s
   * (written in their iteration order), {@link List}s, strings, {@link BigDecimal}s, integers,
   * booleans and {@code null}.
   */
  public static String pretty(Object tree) {
    return Json.pretty(node(tree));
  }

  private static JsonNode node(Object v) {
    if (v == null) {
      return Json.NODES.nullNode();
    } else if (v instanceof Map<?, ?> m) {
      var o = Json.NODES.objectNode();
      m.forEach((k, x) -> o.set(String.valueOf(k), node(x)));
      return o;
    } else if (v instanceof List<?> l) {
      var a = Json.NODES.arrayNode();
      l.forEach(x -> a.add(node(x)));
      return a;
    } else if (v instanceof String s) {
      return Json.NODES.textNode(s);
    } else if (v instanceof BigDecimal d) {
      return Json.NODES.numberNode(d);
    } else if (v instanceof Integer i) {
      return Json.NODES.numberNode(i);
    } else if (v instanceof Long i) {
      return Json.NODES.numberNode(i);
    } else if (v instanceof Boolean b) {
      return Json.NODES.booleanNode(b);
    }
    throw new IllegalArgumentException("not a plain JSON value: " + v.getClass().getName());
  }
}

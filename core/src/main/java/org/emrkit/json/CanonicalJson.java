package org.emrkit.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.TreeMap;

/**
 * The canonical JSON text that EMRKit hashes: compact (no white space), object members sorted by
 * name in UTF-16 code-unit order, strings escaped as RFC 8785 (JCS) does, numbers with exactly
 * the digits written (decimals are never rounded; an exponent is written out). Two texts of the same JSON value with
 * members in another order or other white space have the same canonical text. Stateless,
 * thread-safe. The tree methods take Jackson trees (Jackson is a dependency of emrkit-core).
 */
@SuppressWarnings("exports")
public final class CanonicalJson {

  /** Builds the trees that {@link #write} writes. */
  public static final JsonNodeFactory NODES = Json.NODES;

  private static final ObjectMapper MAPPER = Json.mapper(JsonLimits.DEFAULT);

  private CanonicalJson() {}

  /** The canonical text of a tree. */
  public static String write(JsonNode node) {
    StringBuilder sb = new StringBuilder(256);
    write(node, sb);
    return sb.toString();
  }

  /** Writes straight into the buffer, members sorted as they come (no sorted copy of the tree). */
  private static void write(JsonNode n, StringBuilder sb) {
    if (n.isObject()) {
      java.util.List<java.util.Map.Entry<String, JsonNode>> members =
          new java.util.ArrayList<>(n.size());
      n.properties().forEach(members::add);
      members.sort(java.util.Map.Entry.comparingByKey());
      sb.append('{');
      for (int i = 0; i < members.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        string(members.get(i).getKey(), sb);
        sb.append(':');
        write(members.get(i).getValue(), sb);
      }
      sb.append('}');
    } else if (n.isArray()) {
      sb.append('[');
      for (int i = 0; i < n.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        write(n.get(i), sb);
      }
      sb.append(']');
    } else if (n.isTextual()) {
      string(n.textValue(), sb);
    } else if (n.isBigDecimal()) {
      java.math.BigDecimal d = n.decimalValue();
      // written out, unless that is over 100 digits (JSON and edits refuse such numbers; one
      // built in Java is written in the shortest scientific form, still one text per value)
      sb.append(d.scale() > 100 || d.precision() - d.scale() > 100
          ? d.stripTrailingZeros().toString() : d.toPlainString());
    } else if (n.isNumber() || n.isBoolean() || n.isNull()) {
      sb.append(n.asText());
    } else {
      sb.append(Json.compact(n)); // binary or POJO nodes: never in EMRKit's trees
    }
  }

  /** A JSON string: quotes, backslash and control characters escaped as Jackson writes them. */
  private static void string(String s, StringBuilder sb) {
    sb.append('"');
    com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s, sb);
    sb.append('"');
  }

  /**
   * Reads JSON text with EMRKit's settings (exact decimals, duplicate members refused, the default
   * limits).
   *
   * @throws IllegalArgumentException when the text is not JSON
   */
  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The canonical text of JSON text. */
  public static String canonical(String json) {
    return write(parse(json));
  }

  /**
   * Where each row of a group went when a revision wrote the group {@code was} as {@code is}
   * with the same rows in another order ({@code order[old] = new}; rows known by what they hold,
   * equal rows in turn), or {@code null} when it did not: not lists of rows (objects), not the
   * same rows, or none. The trace's readers (who wrote what, which signature a change touches)
   * read such a write as rows moved, not as every row written.
   */
  public static int[] rowOrder(String was, String is) {
    if (was == null || is == null || !was.startsWith("[") || !is.startsWith("[")) {
      return null;
    }
    JsonNode a = parse(was);
    JsonNode b = parse(is);
    if (!a.isArray() || !b.isArray() || a.size() != b.size() || a.size() == 0
        || !a.get(0).isObject()) {
      return null; // rows are objects: choices of a multiple choice put in another order are a write
    }
    java.util.Map<String, java.util.Deque<Integer>> rows = new java.util.HashMap<>();
    for (int i = 0; i < a.size(); i++) {
      rows.computeIfAbsent(write(a.get(i)), k -> new java.util.ArrayDeque<>()).add(i);
    }
    int[] order = new int[a.size()];
    for (int j = 0; j < b.size(); j++) {
      java.util.Deque<Integer> from = rows.get(write(b.get(j)));
      if (from == null || from.isEmpty()) {
        return null; // not the same rows: written whole
      }
      order[from.poll()] = j;
    }
    return order;
  }

  static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      TreeMap<String, JsonNode> members = new TreeMap<>();
      node.properties().forEach(e -> members.put(e.getKey(), e.getValue()));
      members.forEach((k, v) -> out.set(k, sorted(v)));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(n -> out.add(sorted(n)));
      return out;
    }
    return node;
  }
}

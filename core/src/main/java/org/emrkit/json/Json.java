package org.emrkit.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/**
 * Jackson set up the one way EMRKit reads and writes JSON (package-private): exact decimals,
 * duplicate members refused, bounded input, and one byte-stable output layout (two-space
 * indent, {@code \n} line ends, {@code "name": value}, plain decimals).
 */
final class Json {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The mappers made, by their limits (before the writers, which are made from one). */
  private static final java.util.Map<JsonLimits, ObjectMapper> MAPPERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final ObjectWriter PRETTY;
  private static final ObjectWriter COMPACT;

  static {
    ObjectMapper plain = mapper(JsonLimits.DEFAULT);
    DefaultIndenter indent = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indent)
        .withArrayIndenter(indent);
    PRETTY = plain.writer(printer);
    COMPACT = plain.writer();
  }

  private Json() {}

  /**
   * A mapper that reads within the limits, one for each limits (a mapper is thread-safe once
   * made): each reader made its own, and a host or a batch that makes a reader per record paid
   * for a mapper, its empty caches and a new table of names on every record (a sixth of
   * reading one). Past 64 limits, a mapper is made each time.
   */
  static ObjectMapper mapper(JsonLimits limits) {
    ObjectMapper m = MAPPERS.get(limits);
    if (m == null) {
      m = newMapper(limits);
      if (MAPPERS.size() < 64) {
        ObjectMapper kept = MAPPERS.putIfAbsent(limits, m);
        m = kept != null ? kept : m;
      }
    }
    return m;
  }

  private static ObjectMapper newMapper(JsonLimits limits) {
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxNestingDepth(limits.maxDepth())
        .maxStringLength(limits.maxStringChars())
        .maxDocumentLength(limits.maxDocumentChars())
        // as long as the longest number the digit check lets in, written out: 100 digits before
        // the point, 100 after, the point and a sign (Value.Num allows as much; a number of 102
        // digits an edit session took could not be parsed back)
        .maxNumberLength(2 * MAX_NUMBER_DIGITS + 2)
        .maxNameLength(1_000)
        .build();
    JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints).build();
    return JsonMapper.builder(factory)
        .nodeFactory(NODES)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
        .build();
  }

  /**
   * Parses a document, or adds a problem and returns {@code null}. A document over the size
   * limit is refused before parsing.
   */
  static JsonNode parse(ObjectMapper mapper, JsonLimits limits, String text,
      List<JsonProblem> problems) {
    if (text.length() > limits.maxDocumentChars()) {
      problems.add(JsonProblem.error("", "json/too-large",
          "文档过大(" + text.length() + "字符，上限" + limits.maxDocumentChars() + ")",
          "document too large (" + text.length() + " characters; limit "
              + limits.maxDocumentChars() + ")"));
      return null;
    }
    JsonParser parser = null;
    try {
      parser = mapper.createParser(text);
      JsonNode node = mapper.readTree(parser);
      if (node == null) {
        node = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
      }
      int before = problems.size();
      checkValues(node, "", problems);
      return problems.size() == before ? node : null;
    } catch (StreamConstraintsException e) {
      // the exception carries no position; the parser stopped where the limit was met
      String where = parser == null ? "" : where(parser.currentLocation());
      String whereZh = parser == null ? "" : whereZh(parser.currentLocation());
      problems.add(JsonProblem.error("", "json/limit", "超出输入限制" + whereZh + "："
          + e.getOriginalMessage(), "input limit exceeded" + where + ": "
          + e.getOriginalMessage()));
      return null;
    } catch (JsonProcessingException e) {
      String where = where(e.getLocation());
      String whereZh = whereZh(e.getLocation());
      problems.add(JsonProblem.error("", "json/syntax", "JSON 语法错误" + whereZh + "："
          + e.getOriginalMessage(), "JSON syntax error" + where + ": " + e.getOriginalMessage()));
      return null;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("reading a string cannot fail", e);
    } finally {
      if (parser != null) {
        try {
          parser.close();
        } catch (java.io.IOException e) {
          // a string parser holds nothing to release
        }
      }
    }
  }

  private static String where(com.fasterxml.jackson.core.JsonLocation at) {
    return at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  private static String whereZh(com.fasterxml.jackson.core.JsonLocation at) {
    return at == null ? "" : "(第" + at.getLineNr() + "行第" + at.getColumnNr() + "列)";
  }

  /** The most digits a number may have before or after its decimal point, written out. */
  static final int MAX_NUMBER_DIGITS = 100;

  /**
   * Refuses numbers whose exponent takes them out of range: {@code 1e999999999} is ten bytes
   * of JSON but a billion digits written out (exact decimals are written out in canonical
   * JSON and compared with the precision rules), and {@code 1e-999999999} as many after the
   * point. Each is named by its JSON pointer.
   */
  static void checkValues(JsonNode node, String at, List<JsonProblem> problems) {
    walk(node, at, (name, n, pointer) -> check(name, n, pointer, problems));
  }

  /** What {@link #walk} calls for each node. */
  @FunctionalInterface
  interface Visit {
    /**
     * One node: its member name in the object that holds it ({@code null} in an array or at
     * the root), the node, and its pointer (a buffer the walk reuses: read it during the call).
     */
    void node(String name, JsonNode node, CharSequence at);
  }

  /**
   * Visits every node of a tree, each before what it holds, with its JSON pointer kept in one
   * buffer, extended and cut back as the walk goes and written out only where a visit needs
   * it: a pointer made for every value of every record read was a twentieth of reading one.
   */
  static void walk(JsonNode node, String at, Visit visit) {
    walk(null, node, new StringBuilder(at), visit);
  }

  private static void walk(String name, JsonNode node, StringBuilder at, Visit visit) {
    visit.node(name, node, at);
    if (node.isObject()) {
      for (var e : node.properties()) {
        int mark = at.length();
        at.append('/').append(org.emrkit.problem.Location.Pointer.token(e.getKey()));
        walk(e.getKey(), e.getValue(), at, visit);
        at.setLength(mark);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        int mark = at.length();
        at.append('/').append(i);
        walk(null, node.get(i), at, visit);
        at.setLength(mark);
      }
    }
  }

  private static void check(String name, JsonNode node, CharSequence at,
      List<JsonProblem> problems) {
    if (name != null) {
      checkText(name, at, problems);
    }
    if (node.isTextual()) {
      checkText(node.textValue(), at, problems);
    } else if (node.isNumber()) {
      java.math.BigDecimal d = node.decimalValue();
      int integerDigits = d.precision() - d.scale();
      if (d.scale() > MAX_NUMBER_DIGITS || integerDigits > MAX_NUMBER_DIGITS) {
        problems.add(JsonProblem.error(at.toString(), "json/number-range",
            "数值超出范围（小数点前后各至多 " + MAX_NUMBER_DIGITS + " 位）：" + at,
            "number out of range (at most " + MAX_NUMBER_DIGITS + " digits before and after"
                + " the point): " + at));
      }
    }
  }

  /**
   * Refuses characters that cannot be shown honestly: bidirectional controls (U+202A–U+202E,
   * U+2066–U+2069, U+061C: text that reads differently from how it is stored), noncharacters
   * (U+FDD0–U+FDEF, U+xxFFFE, U+xxFFFF) and lone surrogates (half a character).
   */
  private static void checkText(String s, CharSequence pointer, List<JsonProblem> problems) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String why = null;
      int cp = c;
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        cp = s.codePointAt(i);
        i++;
      } else if (Character.isSurrogate(c)) {
        why = "lone surrogate";
      }
      if (why == null && org.emrkit.record.ValueText.isDirectionControl(cp)) {
        why = "bidirectional control";
      } else if (why == null && org.emrkit.record.ValueText.isNoncharacter(cp)) {
        why = "noncharacter";
      }
      if (why != null) {
        String at = pointer.toString();
        String u = String.format("U+%04X", cp);
        problems.add(JsonProblem.error(at, "json/character", "不允许的字符 " + u + "（"
            + (why.startsWith("lone") ? "不成对的代理项" : why.startsWith("bidi") ? "双向文本控制符"
                : "非字符") + "）：" + at, "character " + u + " not allowed (" + why + "): " + at));
        return;
      }
    }
  }

  /** The byte-stable pretty form, ending in a newline. */
  static String pretty(JsonNode node) {
    try {
      return PRETTY.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /** The compact form. */
  static String compact(JsonNode node) {
    try {
      return COMPACT.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /** {@code base} extended by one pointer token (escaped per RFC 6901). */
  static String ptr(String base, String token) {
    return base + "/" + org.emrkit.problem.Location.Pointer.token(token);
  }

  /** {@code base} extended by an array index. */
  static String ptr(String base, int index) {
    return base + "/" + index;
  }
}

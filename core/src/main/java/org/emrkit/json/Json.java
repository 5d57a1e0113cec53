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

  /** A mapper that reads within the limits. */
  static ObjectMapper mapper(JsonLimits limits) {
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxNestingDepth(limits.maxDepth())
        .maxStringLength(limits.maxStringChars())
        .maxDocumentLength(limits.maxDocumentChars())
        .maxNumberLength(100)
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
    try {
      return mapper.readTree(text);
    } catch (StreamConstraintsException e) {
      problems.add(JsonProblem.error("", "json/limit",
          "超出输入限制：" + e.getOriginalMessage(), "input limit exceeded: "
              + e.getOriginalMessage()));
      return null;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " (line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() + ")";
      String whereZh = e.getLocation() == null ? ""
          : "(第" + e.getLocation().getLineNr() + "行第" + e.getLocation().getColumnNr() + "列)";
      problems.add(JsonProblem.error("", "json/syntax", "JSON 语法错误" + whereZh + "："
          + e.getOriginalMessage(), "JSON syntax error" + where + ": " + e.getOriginalMessage()));
      return null;
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
    return base + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  /** {@code base} extended by an array index. */
  static String ptr(String base, int index) {
    return base + "/" + index;
  }
}

package org.emrkit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The expression conformance table ({@code expressions/conformance.tsv}): expressions, the values
 * they see, and the result both the Java engine and emrkit.js must give.
 */
public final class ExpressionTable {

  /** One row of the table. */
  public record Row(String expression, String values, String expected) {}

  private ExpressionTable() {}

  /** The rows of the table. */
  public static List<Row> rows() throws IOException {
    String text;
    try (var in = ExpressionTable.class.getResourceAsStream("/expressions/conformance.tsv")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Row> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] p = line.split("\t");
      out.add(new Row(p[0], p[1], p[2]));
    }
    return out;
  }

  /** Whether a result matches the expected JSON text (numbers to 12 significant digits). */
  public static boolean matches(Object result, String expected) throws IOException {
    JsonNode e = new ObjectMapper().readTree(expected);
    if (e.isNumber()) {
      return result instanceof Number n && new BigDecimal(n.toString())
          .round(new MathContext(12)).compareTo(e.decimalValue().round(new MathContext(12))) == 0;
    }
    if (e.isBoolean()) {
      return Boolean.valueOf(e.booleanValue()).equals(result);
    }
    if (e.isNull()) {
      return result == null;
    }
    return e.asText().equals(result);
  }
}

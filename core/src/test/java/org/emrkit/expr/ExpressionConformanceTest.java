package org.emrkit.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.emrkit.testing.ExpressionTable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Java engine gives every result of the expression conformance table
 * ({@code expressions/conformance.tsv}), which emrkit.js must give too (the browser test): a
 * calculated field must not change when the record is saved.
 */
class ExpressionConformanceTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T04:00:00Z"), ZoneOffset.UTC);

  @TestFactory
  Stream<DynamicTest> theJavaEngineGivesEveryResultOfTheTable() throws IOException {
    ObjectMapper m = new ObjectMapper();
    return ExpressionTable.rows().stream().map(r -> DynamicTest.dynamicTest(r.expression() + " " + r.values(),
        () -> {
          Map<String, Object> values = new HashMap<>();
          m.readTree(r.values()).fields().forEachRemaining(e -> values.put(e.getKey(),
              value(e.getValue())));
          Evaluation v = ExpressionEngine.create().evaluate(r.expression(), values::get, CLOCK);
          if (r.expected().equals("error")) {
            assertThat(v.failed()).as("%s gives %s", r.expression(), v.value()).isTrue();
          } else {
            assertThat(v.failed()).as("%s: %s", r.expression(), v.error()).isFalse();
            assertThat(ExpressionTable.matches(v.value(), r.expected())).as("%s gives %s, not %s",
                r.expression(), v.value(), r.expected()).isTrue();
          }
        }));
  }

  private static Object value(JsonNode n) {
    if (n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return n.decimalValue();
    }
    if (n.isObject() && n.has("$datetime")) {
      return OffsetDateTime.parse(n.get("$datetime").asText());
    }
    if (n.isObject() && n.has("$time")) {
      return java.time.LocalTime.parse(n.get("$time").asText());
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>();
      n.forEach(x -> out.add(value(x)));
      return out;
    }
    return n.asText();
  }
}

package org.emrkit.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Evaluation of the expression language, and attempts to escape the sandbox. */
class ExpressionEvaluationTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T02:00:00Z"),
      ZoneOffset.UTC);
  private static final Map<String, Object> VARS = Map.of(
      "weight", new BigDecimal("70"), "height", new BigDecimal("175"),
      "sex", "2", "allergy", List.of("青霉素"), "cc", "反复胸闷3天",
      "admittedAt", OffsetDateTime.parse("2026-11-20T09:30:00+08:00"),
      "opStart", java.time.LocalTime.parse("23:10"), "opEnd", java.time.LocalTime.parse("01:40"));
  private final ExpressionEngine engine = ExpressionEngine.create();

  private Object eval(String source) {
    Evaluation e = engine.evaluate(source, VARS::get, CLOCK);
    assertThat(e.error()).as(source).isNull();
    return e.value();
  }

  @Test
  void evaluatesTheGrammar() {
    assertThat(eval("round(weight / pow(height / 100, 2), 1)")).isEqualTo(new BigDecimal("22.9"));
    assertThat(eval("sex == '2'")).isEqualTo(true);
    assertThat(eval("not empty(allergy)")).isEqualTo(true);
    assertThat(eval("len(cc) <= 20")).isEqualTo(true);
    assertThat(eval("missing == null")).isEqualTo(true);
    assertThat(eval("hours(admittedAt, now())")).isEqualTo(new BigDecimal("24.5"));
    assertThat(eval("days(admittedAt, now()) > 1 and true")).isEqualTo(true);
    // 手术用时 from two times of day, across midnight too
    assertThat(eval("hours(opStart, opEnd)")).isEqualTo(new BigDecimal("2.5"));
    assertThat(eval("hours(opEnd, opStart)")).isEqualTo(new BigDecimal("21.5"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"''.getClass().forName('java.lang.System')", "System.exit(0)",
      "new('java.lang.ProcessBuilder', 'ls')", "x = 1", "while (true) {}",
      "var f = function(n) { f(n) }; f(1)", "Runtime.getRuntime().exec('ls')",
      "sex.class", "sex['class']", "#pragma jexl.namespace.s java.lang.System", "@silent 1",
      "(x) -> x", "round(weight, 1000000)", "pow(10, 100000)", "len(sex) ? 1 : 0"})
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void escapesFailSafely(String source) {
    Evaluation e = engine.evaluate(source, VARS::get, CLOCK);
    assertThat(e.failed()).as(source).isTrue();
    assertThat(e.error().zh()).isNotBlank();
    assertThat(e.error().en()).isNotBlank();
  }

  @Test
  void evaluationErrorsAreValuesNotExceptions() {
    assertThat(engine.evaluate("weight / 0", VARS::get, CLOCK).failed()).isTrue();
    assertThat(engine.evaluate("hours(sex, now())", VARS::get, CLOCK).error().en())
        .contains("expected a date");
    assertThat(engine.evaluate("pow(weight, 'x')", VARS::get, CLOCK).failed()).isTrue();
  }
}

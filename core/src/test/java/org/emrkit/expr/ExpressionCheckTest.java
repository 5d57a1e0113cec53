package org.emrkit.expr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The expression grammar of template DSL §7, and the errors with positions for everything else. */
class ExpressionCheckTest {

  private final ExpressionEngine engine = ExpressionEngine.create();

  @ParameterizedTest
  @ValueSource(strings = {"sex == '2'", "weight / pow(height / 100, 2)", "not empty(allergy)",
      "temp > 37.5 and pulse < 100 or x == null", "hours(admittedAt, now()) <= 24",
      "round(bmi, 1) >= 18.5", "len(chiefComplaint) <= 20", "(a + b) * 2 != c", "-1 < x",
      "days(a, b) > 3 and true", "name == 'it\\'s'"})
  void acceptsTheGrammar(String source) {
    assertThat(engine.check(source)).as(source).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "a ==                 | 2",
      "(a + b               | 5",
      "foo(1)               | 0",
      "a.b                  | 1",
      "''.getClass()        | 2",
      "x = 1                | 2",
      "a ? b : c            | 2",
      "a[0]                 | 1",
      "new('java.io.File')  | 0",
      "\"str\" == a         | 0",
      "a =~ 'x'             | 2",
      "!a                   | 0",
      "a; b                 | 1",
      "while (true) {}      | 0",
      "var x = 1            | 6",
      "'unclosed            | 0",
      "1x                   | 1",
      "System.exit(0)       | 6",
      "a && b               | 2",
      "{1, 2}               | 0",
      "1 << 40              | 2",
      "a >> 2               | 2"})
  void refusesEverythingElseWithAPosition(String source, int offset) {
    assertThat(engine.check(source.strip())).as(source).hasValueSatisfying(e -> {
      assertThat(e.offset()).as(source).isEqualTo(offset);
      assertThat(e.message().zh()).isNotBlank();
      assertThat(e.message().en()).isNotBlank();
    });
  }
}

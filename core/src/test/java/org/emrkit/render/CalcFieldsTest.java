package org.emrkit.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.emrkit.record.Context;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.template.Template;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Calculated fields: each computed once per scope in an evaluation however often it is read, a
 * cycle read as nothing, and numbers printed as on paper without a precision.
 */
class CalcFieldsTest {

  private static Record record(Template t, Object... nameValues) {
    Record r = Record.draft("R-1", t, Context.EMPTY);
    for (int i = 0; i < nameValues.length; i += 2) {
      r = r.withValues(r.values().with((String) nameValues[i],
          new Value.Num(new BigDecimal((String) nameValues[i + 1]))));
    }
    return r;
  }

  /**
   * Six calcs, each the one before added 300 times: read each time it was met, the last took
   * 300^5 evaluations (a 7.7 KB template hung validation, rendering and a whole batch). The
   * timeout only stops a run that would never end; the work is 1,500 readings.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aCalcReadManyTimesIsComputedOnce() {
    List<Object> line = new ArrayList<>();
    line.add(Field.builder("c0", FieldType.CALC).expr("1").build());
    for (int k = 1; k <= 5; k++) {
      String prev = "c" + (k - 1);
      line.add(Field.builder("c" + k, FieldType.CALC)
          .expr(String.join(" + ", java.util.Collections.nCopies(300, prev))).build());
    }
    Template t = Template.builder("f", "1.0.0", "展开").section("计算", b -> b.line(line.toArray()))
        .build();
    Record r = record(t);
    Resolver resolver = Resolver.of(t, r, Clock.systemUTC());
    Field last = t.scope().fields().get("c5");
    assertThat(resolver.text(last, r.values())).isEqualTo(BigDecimal.valueOf(300).pow(5)
        .toPlainString());
    assertThat(resolver.evaluate(new org.emrkit.template.Expression("c5 + c4 > 0"), r.values())
        .value()).isEqualTo(true);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void calcsThatReadEachOtherShowNothing() {
    Field c = Field.builder("c", FieldType.CALC).expr("d + 1").build();
    Field d = Field.builder("d", FieldType.CALC).expr("c * 2").build();
    Field e = Field.builder("e", FieldType.CALC).expr("c + c + d + d").build();
    Template t = Template.builder("y", "1.0.0", "循环").section("计算", b -> b.line(c, d, e))
        .build();
    Record r = record(t);
    Resolver resolver = Resolver.of(t, r, Clock.systemUTC());
    assertThat(resolver.text(c, r.values())).isEmpty();
    assertThat(resolver.text(d, r.values())).isEmpty();
    assertThat(resolver.text(e, r.values())).isEmpty();
  }

  @Test
  void aCalcWithoutPrecisionPrintsItsNumberAsOnPaper() {
    Field a = Field.builder("a", FieldType.INTEGER).build();
    Field b = Field.builder("b", FieldType.INTEGER).build();
    Field w = Field.builder("w", FieldType.DECIMAL).build();
    List<Field> calcs = List.of(
        Field.builder("sum", FieldType.CALC).expr("a + b").build(),
        Field.builder("product", FieldType.CALC).expr("a * b").build(),
        Field.builder("plus", FieldType.CALC).expr("a + 0.1").build(),
        Field.builder("thrice", FieldType.CALC).expr("w * 3").build(),
        Field.builder("half", FieldType.CALC).expr("a / b").build(),
        Field.builder("hundred", FieldType.CALC).expr("a * 100").build(),
        Field.builder("rounded", FieldType.CALC).expr("a + b").precision(2).build());
    List<Object> line = new ArrayList<>(List.of(a, b, w));
    line.addAll(calcs);
    Template t = Template.builder("p", "1.0.0", "格式").section("计算", s -> s.line(line.toArray()))
        .build();
    Record r = record(t, "a", "1", "b", "2", "w", "0.1");
    Resolver resolver = Resolver.of(t, r, Clock.systemUTC());
    List<String> shown = calcs.stream().map(f -> resolver.text(f, r.values())).toList();
    assertThat(shown).containsExactly("3", "2", "1.1", "0.3", "0.5", "100", "3.00");
    assertThat(resolver.calc(calcs.get(5), r.values())).contains(new BigDecimal("100"));
  }

  @Test
  void anIntegerWrittenWithAPointPrintsAsAnInteger() {
    Field pulse = Field.builder("pulse", FieldType.INTEGER).unit("次/分").build();
    Field t36 = Field.builder("t", FieldType.DECIMAL).build();
    Template t = Template.builder("i", "1.0.0", "整数").section("体征", b -> b.line(pulse, t36))
        .build();
    Record r = record(t, "pulse", "100.0", "t", "36.50");
    Resolver resolver = Resolver.of(t, r, Clock.systemUTC());
    assertThat(resolver.text(pulse, r.values())).isEqualTo("100");
    // a decimal keeps the places it was written with (36.50 measured to a hundredth)
    assertThat(resolver.text(t36, r.values())).isEqualTo("36.50");
  }
}

package org.emrkit.validation.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.emrkit.expr.Evaluation;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Value;
import org.emrkit.template.Bound;
import org.emrkit.template.Field;
import org.emrkit.validation.FieldRule;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code field/range}: a number, date, date-time or time below {@code min} or above {@code max};
 * bounds may be literals or expressions ({@code min=opStart}). A bound that cannot be evaluated
 * (its field is empty) is not checked.
 */
final class RangeRule implements FieldRule {
  static final RuleInfo INFO = Infos.info("field/range", "数值或时间超出范围", "value out of range",
      "EMRKit (min, max)；扣分为 EMRKit 默认值(各地住院病历质量评分表"
      + "常见：缺项或填写错误每处 0.5–1 分)", Severity.ERROR, "1", false,
      "“体温”应不高于 43(当前 45.2)", "体温 must be at most 43 (45.2)");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** Only values of fields with a bound. */
  @Override
  public boolean appliesTo(Field field, Class<? extends Value> kind) {
    return (field.min() != null || field.max() != null) && kind != null;
  }

  @Override
  public void check(FieldValue f, RecordContext context, Reporter reporter) {
    if (f.value() == null) {
      return;
    }
    compare(context, reporter, f, f.field().min(), true);
    compare(context, reporter, f, f.field().max(), false);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void compare(RecordContext context, Reporter reporter, FieldValue f, Bound b,
      boolean min) {
    if (b == null) {
      return;
    }
    Comparable value = comparable(f.value());
    Object bound = bound(context, f, b);
    if (value == null || bound == null) {
      return;
    }
    Comparable limit = convert(bound, value);
    if (limit == null) {
      return;
    }
    int c = value.compareTo(limit);
    if (min ? c < 0 : c > 0) {
      String l = Infos.label(f);
      String shown = show(value);
      String limitShown = show(limit);
      reporter.report(f.path(), min
          ? new Message("“" + l + "”应不低于 " + limitShown + "(当前 " + shown + ")",
              l + " must be at least " + limitShown + " (" + shown + ")")
          : new Message("“" + l + "”应不高于 " + limitShown + "(当前 " + shown + ")",
              l + " must be at most " + limitShown + " (" + shown + ")"));
    }
  }

  private static Object bound(RecordContext context, FieldValue f, Bound b) {
    java.util.Optional<BigDecimal> number = b.number();
    if (number.isPresent()) {
      return number.get();
    }
    try {
      return LocalDate.parse(b.source());
    } catch (java.time.format.DateTimeParseException notDate) {
      // not a date literal; try the other literal forms, then an expression
    }
    try {
      return LocalTime.parse(b.source());
    } catch (java.time.format.DateTimeParseException notTime) {
      // not a time literal
    }
    Evaluation e = context.evaluate(b.expression(), f.scope());
    return e.failed() ? null : e.value();
  }

  private static Comparable<?> comparable(Value v) {
    if (v instanceof Value.Num n) {
      return n.value();
    } else if (v instanceof Value.Date d) {
      return d.value();
    } else if (v instanceof Value.DateTime d) {
      return new Moment(d.value());
    } else if (v instanceof Value.Time t) {
      return t.value();
    }
    return null;
  }

  private static Comparable<?> convert(Object bound, Comparable<?> like) {
    if (like instanceof BigDecimal) {
      // a computed bound (max=totalCost) shown as a person writes it: 200, not 200.0000000000000
      return bound instanceof BigDecimal d ? d // a literal bound, as written
          : bound instanceof Number n ? plain(new BigDecimal(n.toString())) : null;
    } else if (like instanceof LocalDate) {
      return bound instanceof LocalDate d ? d
          : bound instanceof OffsetDateTime t ? t.toLocalDate() : null;
    } else if (like instanceof Moment) {
      return bound instanceof OffsetDateTime t ? new Moment(t) : null;
    } else if (like instanceof LocalTime) {
      return bound instanceof LocalTime t ? t : null;
    }
    return null;
  }

  private static BigDecimal plain(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** A date-time compared by instant and shown as written. */
  private record Moment(OffsetDateTime at) implements Comparable<Moment> {
    @Override
    public int compareTo(Moment o) {
      return at.toInstant().compareTo(o.at.toInstant());
    }

    @Override
    public String toString() {
      return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at);
    }
  }

  private static String show(Object o) {
    return o instanceof BigDecimal d ? org.emrkit.record.ValueText.plain(d) : String.valueOf(o);
  }
}

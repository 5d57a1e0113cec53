package org.emrkit.expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Collection;

/**
 * The functions an expression may call (template DSL §7), bound to a clock. Every function is
 * bounded in time and memory (no loops or recursion are reachable from expressions).
 * Public only so the JEXL engine can call it; hosts do not use it directly.
 */
public final class Functions {

  private final Clock clock;

  Functions(Clock clock) {
    this.clock = clock;
  }

  /** Length of a text or number of items of a list; 0 for null. */
  public int len(Object x) {
    if (x == null) {
      return 0;
    }
    if (x instanceof CharSequence s) {
      return s.toString().codePointCount(0, s.length());
    }
    if (x instanceof Collection<?> c) {
      return c.size();
    }
    return String.valueOf(x).length();
  }

  /** {@code x} rounded half-up to {@code n} (0 to 10) decimal places. */
  public BigDecimal round(Object x, Object n) {
    int places = number(n).intValue();
    if (places < 0 || places > 10) {
      throw new IllegalArgumentException("round: places must be 0 to 10");
    }
    return number(x).setScale(places, RoundingMode.HALF_UP);
  }

  /** {@code x} to the power {@code y}, as a decimal with 16 significant digits. */
  public BigDecimal pow(Object x, Object y) {
    double r = Math.pow(number(x).doubleValue(), number(y).doubleValue());
    if (Double.isNaN(r) || Double.isInfinite(r)) {
      throw new ArithmeticException("pow: result is not a finite number");
    }
    return new BigDecimal(r, MathContext.DECIMAL64);
  }

  /**
   * Hours from {@code a} to {@code b} (fractional), for date-times, dates, or two times of day
   * (手术用时 from 开始 23:10 to 结束 01:40 is 2.5: a later time that is earlier on the clock is
   * the next day).
   */
  public BigDecimal hours(Object a, Object b) {
    return minutes(a, b).divide(BigDecimal.valueOf(60), MathContext.DECIMAL64);
  }

  /** Days from {@code a} to {@code b} (fractional), for date-times or dates. */
  public BigDecimal days(Object a, Object b) {
    return minutes(a, b).divide(BigDecimal.valueOf(1440), MathContext.DECIMAL64);
  }

  /** The current date-time from the validator's clock. */
  public OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private static BigDecimal minutes(Object a, Object b) {
    long seconds;
    if (a instanceof java.time.LocalTime x && b instanceof java.time.LocalTime y) {
      seconds = Duration.between(x, y).toSeconds();
      if (seconds < 0) {
        seconds += 24 * 3600;
      }
    } else {
      seconds = Duration.between(temporal(a), temporal(b)).toSeconds();
    }
    return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(60), MathContext.DECIMAL64);
  }

  private static Temporal temporal(Object x) {
    if (x instanceof OffsetDateTime t) {
      return t;
    }
    if (x instanceof LocalDate d) {
      return d.atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
    }
    throw new IllegalArgumentException("expected a date or date-time (or two times), got "
        + (x == null ? "nothing" : x.getClass().getSimpleName()));
  }

  static BigDecimal number(Object x) {
    if (x instanceof BigDecimal d) {
      return d;
    }
    if (x instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    throw new IllegalArgumentException("expected a number, got "
        + (x == null ? "nothing" : x.getClass().getSimpleName()));
  }
}

package org.emrkit.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.emrkit.template.FieldType;

/**
 * A field value in a record. The type is fixed by the template field it belongs to:
 * text/richtext/choice → {@link Str}; integer/decimal → {@link Num}; boolean → {@link Bool};
 * date → {@link Date}; datetime → {@link DateTime}; time → {@link Time}; multichoice →
 * {@link Choices}; coded → {@link Coded}; signature → {@link Signed}; a repeat group or repeating
 * table → {@link Rows}.
 */
public sealed interface Value {

  /** A short name of the kind of value, for messages. */
  String kind();

  /**
   * The kind of value a field of this type holds, as above, or {@code null} for the computed
   * types ({@code calc}, {@code macro}), which a record does not store.
   */
  static Class<? extends Value> kindOf(FieldType type) {
    return switch (type) {
      case TEXT, RICHTEXT, CHOICE -> Str.class;
      case INTEGER, DECIMAL -> Num.class;
      case DATE -> Date.class;
      case DATETIME -> DateTime.class;
      case TIME -> Time.class;
      case BOOLEAN -> Bool.class;
      case MULTICHOICE -> Choices.class;
      case CODED -> Coded.class;
      case SIGNATURE -> Signed.class;
      case CALC, MACRO -> null;
    };
  }

  /**
   * Whether this value is one a field of this type holds: of its kind, and a whole number for
   * an {@code integer} field. The JSON reader and the edit session let in nothing else; a record
   * a host builds through the API may hold anything ({@code field/value-type} finds it).
   */
  default boolean fits(FieldType type) {
    if (kindOf(type) != getClass()) {
      return false;
    }
    if (type == FieldType.INTEGER) {
      BigDecimal d = ((Num) this).value();
      return d.signum() == 0 || d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0;
    }
    return true;
  }

  /** A string value (text, richtext, choice). @param value the string */
  record Str(String value) implements Value {
    /** Checks the value. */
    public Str {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String kind() {
      return "text";
    }
  }

  /**
   * A number (integer, decimal). A negative scale is normalised to 0, so {@code 1E+3} and
   * {@code 1000} are the same value. @param value the number
   */
  record Num(BigDecimal value) implements Value {
    /** The most digits a number may have before, and after, its point (as JSON allows). */
    public static final int MAX_DIGITS = 100;

    /** Checks and normalises the value. */
    public Num {
      Objects.requireNonNull(value, "value");
      if (value.scale() > MAX_DIGITS || value.precision() - value.scale() > MAX_DIGITS) {
        // written out (canonical JSON, display, rounding to a precision) it would be up to a
        // billion digits: 1e999999 hung validation, 1e-999999999 ran out of memory
        throw new IllegalArgumentException("number out of range (more than " + MAX_DIGITS
            + " digits before or after the point): " + value);
      }
      if (value.scale() < 0) {
        value = value.setScale(0);
      }
    }

    @Override
    public String kind() {
      return "number";
    }
  }

  /** A checkbox value. @param value true or false */
  record Bool(boolean value) implements Value {
    @Override
    public String kind() {
      return "boolean";
    }
  }

  /** A date. @param value the date */
  record Date(LocalDate value) implements Value {
    /** Checks the value. */
    public Date {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String kind() {
      return "date";
    }
  }

  /** A date and time with offset. @param value the date-time */
  record DateTime(OffsetDateTime value) implements Value {
    /** Checks the value. */
    public DateTime {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String kind() {
      return "datetime";
    }
  }

  /** A local time. @param value the time */
  record Time(LocalTime value) implements Value {
    /** Checks the value. */
    public Time {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String kind() {
      return "time";
    }
  }

  /** The options chosen in a multichoice field. @param values the options, in order */
  record Choices(List<String> values) implements Value {
    /** Copies the list. */
    public Choices {
      values = List.copyOf(values);
    }

    @Override
    public String kind() {
      return "list";
    }
  }

  /** A coded value. @param coding the code */
  record Coded(Coding coding) implements Value {
    /** Checks the value. */
    public Coded {
      Objects.requireNonNull(coding, "coding");
    }

    @Override
    public String kind() {
      return "coding";
    }
  }

  /** A filled signature field. @param signer who signed and when */
  record Signed(Signer signer) implements Value {
    /** Checks the value. */
    public Signed {
      Objects.requireNonNull(signer, "signer");
    }

    @Override
    public String kind() {
      return "signature";
    }
  }

  /** The entries of a repeat group or the rows of a repeating table. @param rows the entries */
  record Rows(List<Values> rows) implements Value {
    /** Copies the list; refuses lists nested deeper than {@link Values#MAX_DEPTH}. */
    public Rows {
      rows = List.copyOf(rows);
      if (depth(rows) > Values.MAX_DEPTH) {
        // a host's recursion gone wrong: the audit, the JSON writer and the renderers walk
        // values recursively, and 3,000 levels ran them out of stack
        throw new IllegalArgumentException("lists nested more than " + Values.MAX_DEPTH
            + " deep");
      }
    }

    /** How deep lists nest in this one: 1 when its entries hold no list. */
    public int depth() {
      return depth(rows);
    }

    private static int depth(List<Values> rows) {
      int d = 0;
      for (Values v : rows) {
        d = Math.max(d, v.depth());
      }
      return d + 1;
    }

    @Override
    public String kind() {
      return "rows";
    }
  }
}

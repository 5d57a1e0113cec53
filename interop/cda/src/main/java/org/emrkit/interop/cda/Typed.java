package org.emrkit.interop.cda;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.emrkit.record.Coding;
import org.emrkit.record.RichText;
import org.emrkit.record.Value;
import org.emrkit.render.FieldView;
import org.emrkit.render.Resolver;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.template.Template;
import org.emrkit.terminology.DataElements;

/**
 * A value as a CDA entry writes it: an HL7 data type ({@code ST}, {@code CD}, {@code PQ},
 * {@code INT}, {@code REAL}, {@code TS}, {@code BL}) and its parts. The type is the data
 * element's WS 363 type where the reference table has the element, else the field's.
 *
 * @param type the HL7 data type
 * @param value the value ({@code ST}: the text; {@code PQ}, {@code INT}, {@code REAL}: the
 *     number; {@code TS}: {@code yyyyMMddHHmmss+zzzz}; {@code BL}: {@code true}/{@code false};
 *     {@code CD}: the code)
 * @param unit the unit ({@code PQ}), else {@code null}
 * @param system the code system as the template or record names it ({@code CD}), else
 *     {@code null}
 * @param display the code's display name ({@code CD}), else {@code null}
 */
record Typed(String type, String value, String unit, String system, String display) {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssxx");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  /**
   * The entries a field's value makes: none for an empty value or a signature (signers go to
   * the header), one per choice of a multichoice, else one.
   */
  static List<Typed> of(Resolver resolver, FieldView f) {
    Template template = resolver.template();
    Field field = f.field();
    java.util.Optional<DataElements.Element> element = DataElements.element(field.dataElement());
    String wsType = element.map(DataElements.Element::type).orElse("");
    String unit = element.map(DataElements.Element::unit).orElse(field.unit());
    Value v = f.value();
    List<Typed> out = new ArrayList<>();
    if (field.type() == FieldType.MACRO) {
      resolver.record().context().lookup(field.source()).filter(t -> !t.isBlank())
          .ifPresent(t -> out.add(fromText(wsType, t, unit)));
    } else if (field.type() == FieldType.CALC) {
      resolver.calc(field, f.scope()).ifPresent(n -> out.add(number(n, unit)));
    } else if (v instanceof Value.Choices c) {
      for (String choice : c.values()) {
        out.add(choice(template, field, choice));
      }
    } else if (v != null) {
      Typed t = single(template, field, v, unit);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  private static Typed single(Template template, Field field, Value v,
      String unit) {
    if (v instanceof Value.Str s) {
      if (field.type() == FieldType.CHOICE) {
        return choice(template, field, s.value());
      }
      String text = field.type() == FieldType.RICHTEXT ? RichText.plain(s.value()) : s.value();
      return text.isBlank() ? null : new Typed("ST", text, null, null, null);
    } else if (v instanceof Value.Num n) {
      return number(n.value(), unit);
    } else if (v instanceof Value.Bool b) {
      return new Typed("BL", Boolean.toString(b.value()), null, null, null);
    } else if (v instanceof Value.Date d) {
      return ts(d.value());
    } else if (v instanceof Value.DateTime d) {
      return ts(d.value());
    } else if (v instanceof Value.Time t) {
      return ts(t.value());
    } else if (v instanceof Value.Coded c) {
      Coding k = c.coding();
      return coded(k.code(), k.system(), k.display());
    }
    return null;
  }

  /** A choice: a code of the field's value set, or an option's text when it has none. */
  private static Typed choice(Template template, Field field, String code) {
    if (field.valueSet() != null) {
      var set = template.valueSet(field.valueSet().id());
      if (set.isPresent()) {
        String display = set.get().concepts().stream().filter(c -> c.code().equals(code))
            .map(org.emrkit.template.Concept::display).findFirst().orElse(null);
        if (display != null) {
          return coded(code, set.get().system(), display);
        }
      }
    }
    return new Typed("ST", code, null, null, null);
  }

  /** A code as CD; one CDA cannot hold as a code (white space in it) as the text it is. */
  private static Typed coded(String code, String system, String display) {
    return code.matches("\\S+") ? new Typed("CD", code, null, system, display)
        : new Typed("ST", display != null ? display + "（" + code + "）" : code, null, null, null);
  }

  private static Typed number(BigDecimal n, String unit) {
    if (unit != null && !unit.isBlank()) {
      return new Typed("PQ", n.toPlainString(), unit.replace(" ", ""), null, null);
    }
    boolean integral = n.stripTrailingZeros().scale() <= 0;
    return new Typed(integral ? "INT" : "REAL",
        integral ? n.toBigIntegerExact().toString() : n.toPlainString(), null, null, null);
  }

  /** A context value (a macro field's), typed by its data element. */
  private static Typed fromText(String wsType, String text, String unit) {
    try {
      switch (wsType) {
        case "DT":
          return ts(OffsetDateTime.parse(text));
        case "D":
          return ts(LocalDate.parse(text));
        case "N":
          return number(new BigDecimal(text), unit);
        default:
          break;
      }
    } catch (RuntimeException e) {
      // not in the element's form: written as text, as the record shows it
    }
    return new Typed("ST", text, null, null, null);
  }

  static Typed ts(OffsetDateTime t) {
    return new Typed("TS", DATE_TIME.format(t), null, null, null);
  }

  static Typed ts(LocalDate d) {
    return new Typed("TS", DATE.format(d), null, null, null);
  }

  /** A time of day alone is no point in time (TS): written as the text it is. */
  private static Typed ts(LocalTime t) {
    return new Typed("ST", TIME.format(t), null, null, null);
  }
}

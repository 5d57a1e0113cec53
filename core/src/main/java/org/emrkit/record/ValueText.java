package org.emrkit.record;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.emrkit.template.Concept;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.template.Template;

/**
 * How a value reads on paper, the same for every renderer: dates {@code yyyy-MM-dd}, date-times
 * {@code yyyy-MM-dd HH:mm}, times {@code HH:mm}, decimals to the field's precision, codes of a
 * template value set as their display text, coded values as {@code display (code)}, signatures as
 * {@code name yyyy-MM-dd HH:mm}, multiple choices joined with {@code 、}, checkboxes ☑/☐.
 * Stateless and thread-safe.
 */
public final class ValueText {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private ValueText() {}

  /** The text of a field's value (without its unit); {@code ""} for no value. */
  public static String of(Template template, Field field, Value value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Value.Str s) {
      return field.type() == FieldType.CHOICE ? choice(template, field, s.value()) : s.value();
    } else if (value instanceof Value.Num n) {
      return number(field, n.value());
    } else if (value instanceof Value.Bool b) {
      return (b.value() ? "☑" : "☐") + (field.label() == null ? "" : " " + field.label());
    } else if (value instanceof Value.Date d) {
      return DATE.format(d.value());
    } else if (value instanceof Value.DateTime d) {
      return DATE_TIME.format(d.value());
    } else if (value instanceof Value.Time t) {
      return TIME.format(t.value());
    } else if (value instanceof Value.Choices c) {
      List<String> out = new ArrayList<>();
      c.values().forEach(v -> out.add(choice(template, field, v)));
      return String.join("、", out);
    } else if (value instanceof Value.Coded c) {
      Coding coding = c.coding();
      return coding.display() == null ? coding.code() : coding.display() + " (" + coding.code() + ")";
    } else if (value instanceof Value.Signed s) {
      return s.signer().actor().name() + " " + DATE_TIME.format(s.signer().at());
    }
    return "";
  }

  /**
   * What goes between a value and its unit, as Chinese records write them: a space before a
   * Latin unit ({@code 150 mmHg}, {@code 172 cm}), none before a symbol or a Chinese unit
   * ({@code 36.8℃}, {@code 97%}, {@code 78次/分}, {@code 3天}).
   */
  public static String unitSpace(String unit) {
    if (unit == null || unit.isEmpty()) {
      return "";
    }
    char c = unit.charAt(0);
    return c < 128 && Character.isLetter(c) ? " " : "";
  }

  /** A date-time as records show it: {@code 2026-11-20 20:15}. */
  public static String dateTime(java.time.OffsetDateTime t) {
    return DATE_TIME.format(t);
  }

  /** A number as written, or rounded half-up to the field's precision. */
  public static String number(Field field, BigDecimal n) {
    if (n.scale() > 100 || n.precision() - n.scale() > 100) {
      return n.toString(); // rounding 1E+999999999 to a scale would build its billion digits
    }
    BigDecimal v = field.precision() == null ? n : n.setScale(field.precision(), RoundingMode.HALF_UP);
    if (field.type() == FieldType.INTEGER && v.scale() > 0
        && v.stripTrailingZeros().scale() <= 0) {
      v = v.setScale(0); // an integer written 100.0 in the JSON is 100 次/分 on paper
    }
    return plain(v);
  }

  /**
   * A number written out ({@code 36.80}), or in scientific notation when that would take more
   * than 100 digits ({@code 1E-999999999} written out is a billion characters; JSON refuses such
   * numbers, a value built in Java may still hold one).
   */
  public static String plain(BigDecimal n) {
    return n.scale() > 100 || n.precision() - n.scale() > 100 ? n.toString() : n.toPlainString();
  }

  /**
   * A value's text as a message shows it: its first 40 characters and an ellipsis when longer (a
   * 现病史 is not quoted whole in a finding).
   */
  public static String brief(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  /**
   * Text as paper and XML take it: a vertical tab or form feed (pasted from another program; the
   * record reader takes them) is a line break, and the other control characters (U+0000–U+001F
   * but tab, line feed and carriage return, and U+007F–U+009F) are left out: invisible, XML 1.0
   * (DOCX, CDA) cannot hold the first (POI wrote each into a Word file as "?") and no HTML page
   * may hold either. Character by character: the text of a prefix is a prefix of the text.
   * Text without them is returned as it is.
   */
  public static String printable(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = isControl(c);
      if (control && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (control) {
        if (c == 0x0B || c == 0x0C) {
          out.append('\n');
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  private static final java.util.regex.Pattern LINE_BREAK =
      java.util.regex.Pattern.compile("\r\n|\r|\n");

  /**
   * The text's lines, between line breaks (CR LF, CR or LF); the text alone when it has none,
   * as most have (no pattern is run over it: cutting every value of a page by a regular
   * expression made the HTML view a third slower).
   */
  public static String[] lines(String text) {
    return text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? new String[] {text}
        : LINE_BREAK.split(text, -1);
  }

  /**
   * A control character no printed text holds: U+0000–U+001F but tab, line feed and carriage
   * return, and U+007F–U+009F (what {@link #printable} leaves out, and templates may not hold).
   */
  public static boolean isControl(int c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F;
  }

  /**
   * A text-direction control (U+202A–U+202E, U+2066–U+2069, U+061C): text that reads otherwise
   * than it is stored. The record reader refuses it, and so templates may not hold it.
   */
  public static boolean isDirectionControl(int cp) {
    return cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069 || cp == 0x061C;
  }

  /**
   * A noncharacter (U+FDD0–U+FDEF, and the last two code points of each plane, U+xxFFFE and
   * U+xxFFFF): refused by the record reader, and in templates, as {@link #isDirectionControl}.
   */
  public static boolean isNoncharacter(int cp) {
    return cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE && cp <= 0x10FFFF;
  }

  /**
   * Whether {@code s} holds only the ASCII digits 0–9 from {@code from} to {@code to}
   * (exclusive); true for an empty range. Not {@link Character#isDigit}, which takes other
   * scripts' digits too (a full-width ０ of a Chinese input method) that no date or code has.
   */
  public static boolean isAsciiDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static String choice(Template template, Field field, String code) {
    if (field.valueSet() == null || field.valueSet().isHost()) {
      return code;
    }
    return template.valueSet(field.valueSet().id()).flatMap(vs -> vs.find(code))
        .map(Concept::display).orElse(code);
  }
}

package org.emrkit.validation.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.emrkit.record.Value;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;

/**
 * What the front-page pack's rules share (package-private): whether a record is a 住院病案首页,
 * its fields by name (the pack's parameters name them; a hospital's own 首页 template renames
 * them there), a coded value's code, code ranges such as {@code R00-R99,S00-T98}.
 */
final class FrontPage {
  /** The document type of a 住院病案首页 template. */
  static final String TYPE = "front-page";

  private FrontPage() {}

  /** Whether the record is a 住院病案首页 (its template's documentType). */
  static boolean applies(RecordContext context) {
    return context.documentType().filter(TYPE::equals).isPresent();
  }

  /** The active occurrences of the fields named, in record order (one per row in a table). */
  static List<FieldValue> named(RecordContext context, String names) {
    List<String> wanted = List.of(names.split("\\s*,\\s*"));
    List<FieldValue> out = new ArrayList<>();
    for (FieldValue f : context.fields()) {
      if (f.active() && wanted.contains(f.field().name())) {
        out.add(f);
      }
    }
    return out;
  }

  /** A field's coded value's code (upper case), or null. */
  static String code(FieldValue f) {
    return f.value() instanceof Value.Coded c ? c.coding().code().toUpperCase(Locale.ROOT) : null;
  }

  /** How a coded value is named in messages: "不稳定型心绞痛 I20.000". */
  static String shown(FieldValue f) {
    Value.Coded c = (Value.Coded) f.value();
    return (c.coding().display() == null ? "" : c.coding().display() + " ") + c.coding().code();
  }

  /**
   * Whether the code's category (its letter and two digits, {@code S06} of {@code S06.000}) lies
   * in one of the ranges ({@code S00-T98,V01-Y98}, bounds included).
   */
  static boolean in(String code, String ranges) {
    if (code == null || code.length() < 3 || !code.substring(0, 3).matches("[A-Z]\\d\\d")) {
      return false;
    }
    String category = code.substring(0, 3);
    for (String range : ranges.split("\\s*,\\s*")) {
      String[] ends = range.split("-");
      String low = ends[0].strip().toUpperCase(Locale.ROOT);
      String high = (ends.length > 1 ? ends[1] : ends[0]).strip().toUpperCase(Locale.ROOT);
      if (category.compareTo(low) >= 0 && category.compareTo(high) <= 0) {
        return true;
      }
    }
    return false;
  }

  /** A number field's value, or null. */
  static BigDecimal number(FieldValue f) {
    return f.value() instanceof Value.Num n ? n.value() : null;
  }

  /** The pointer of a field beside {@code f} in its row (or at the top level). */
  static String beside(FieldValue f, String name) {
    return f.path().substring(0, f.path().lastIndexOf('/') + 1) + name;
  }
}

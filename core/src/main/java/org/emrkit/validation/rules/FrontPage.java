package org.emrkit.validation.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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
    Map<String, List<Integer>> byName = context.memo(BY_NAME, () -> byName(context));
    List<String> wanted = items(names);
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      if (wanted.indexOf(wanted.get(i)) == i) { // a name listed twice names its fields once
        at.addAll(byName.getOrDefault(wanted.get(i), List.of()));
      }
    }
    if (wanted.size() > 1) {
      at.sort(null);
    }
    List<FieldValue> fields = context.fields();
    List<FieldValue> out = new ArrayList<>(at.size());
    for (int i : at) {
      out.add(fields.get(i));
    }
    return out;
  }

  /** The key of a record's index of its active fields by name. */
  private static final Object BY_NAME = new Object();

  /**
   * Where each name's active occurrences are in the record's fields: the pack's rules look
   * fields up by name about twenty times a 首页, and each look-up went through every field.
   */
  private static Map<String, List<Integer>> byName(RecordContext context) {
    Map<String, List<Integer>> out = new HashMap<>();
    List<FieldValue> fields = context.fields();
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).active()) {
        out.computeIfAbsent(fields.get(i).field().name(), k -> new ArrayList<>()).add(i);
      }
    }
    return out;
  }

  /** A parameter's items, separated by commas (white space around them dropped). */
  static List<String> items(String text) {
    return kept(ITEMS, text, t -> List.of(t.split("\\s*,\\s*")));
  }

  /**
   * What a rule's parameter is read as, read once for each text: the pack's rules split their
   * parameters and compiled their patterns on every 首页 they checked (a fifth of its
   * validation). Parameters are few (a validator's settings); past 256 texts one is read each
   * time instead of kept.
   */
  static <T> T kept(Map<String, T> cache, String text, Function<String, T> read) {
    T t = cache.get(text);
    if (t == null) {
      t = read.apply(text);
      if (cache.size() < 256) {
        cache.put(text, t);
      }
    }
    return t;
  }

  private static final Map<String, List<String>> ITEMS = new ConcurrentHashMap<>();
  private static final Map<String, List<String[]>> RANGES = new ConcurrentHashMap<>();

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
    if (code == null || code.length() < 3 || code.charAt(0) < 'A' || code.charAt(0) > 'Z'
        || !org.emrkit.record.ValueText.isAsciiDigits(code, 1, 3)) {
      return false;
    }
    String category = code.substring(0, 3);
    for (String[] range : kept(RANGES, ranges, FrontPage::ranges)) {
      if (range.length == 0) {
        // as when each range was read as it was reached: a match before it stands
        throw new IllegalArgumentException("a code range without its codes in \"" + ranges
            + "\"; expected ranges like S00-T98,V01-Y98");
      }
      if (category.compareTo(range[0]) >= 0 && category.compareTo(range[1]) <= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Code ranges ({@code S00-T98,V01-Y98}) as their two ends, upper case; an item of dashes alone
   * as no ends (an error where it is reached).
   */
  private static List<String[]> ranges(String ranges) {
    List<String[]> out = new ArrayList<>();
    for (String range : items(ranges)) {
      String[] ends = range.split("-");
      if (ends.length == 0) {
        out.add(ends);
        continue;
      }
      out.add(new String[] {ends[0].strip().toUpperCase(Locale.ROOT),
          (ends.length > 1 ? ends[1] : ends[0]).strip().toUpperCase(Locale.ROOT)});
    }
    return List.copyOf(out);
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

package org.emrkit.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The values of one scope of a record (the whole record, or one entry of a repeat group or
 * repeating table), keyed by field name and sorted by it. Immutable; {@link #with} and
 * {@link #without} return new objects. A field with no value is absent.
 *
 * <p>Typed accessors return the value in its Java type and throw
 * {@link IllegalArgumentException} when the field holds another kind of value.
 */
public final class Values {

  /** No values. */
  public static final Values EMPTY = new Values(new TreeMap<>());

  /**
   * Sorted by name as a hash map kept in that order: every walk, rule and renderer looks names
   * up, and a tree map's string comparisons were a tenth of a validation.
   */
  private final java.util.LinkedHashMap<String, Value> lookup;
  /** {@link #lookup}, unmodifiable, for {@link #asMap}. */
  private final Map<String, Value> map;

  /**
   * The deepest that lists may nest in values (a list in an entry of a list ...): far beyond any
   * template (an edit session refuses more than 20; JSON within the default limits holds fewer
   * than 80), and shallow enough that what walks values recursively (the audit, the JSON writer,
   * the renderers) cannot run out of stack. A {@link Value.Rows} deeper than this is refused
   * when it is made.
   */
  public static final int MAX_DEPTH = 64;

  /** How deep lists nest in these values. */
  private final int depth;

  private Values(TreeMap<String, Value> sorted) {
    this.lookup = new java.util.LinkedHashMap<>(sorted);
    this.map = Collections.unmodifiableMap(lookup);
    int d = 0;
    for (Value v : sorted.values()) {
      if (v instanceof Value.Rows rows) {
        d = Math.max(d, rows.depth());
      }
    }
    this.depth = d;
  }

  /** How deep lists nest in these values: 0 with no list, 1 with lists whose entries hold none. */
  public int depth() {
    return depth;
  }

  /** Values from a map (copied; no null keys or values). */
  public static Values of(Map<String, ? extends Value> values) {
    TreeMap<String, Value> copy = new TreeMap<>();
    values.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "name"),
        Objects.requireNonNull(v, "value of " + k)));
    return new Values(copy);
  }

  /** The values as an unmodifiable map sorted by name. */
  public Map<String, Value> asMap() {
    return map;
  }

  /**
   * Whether {@code test} holds for every name and its value, asked in name order until it does
   * not. Cheaper than a loop over {@code asMap().entrySet()}, whose unmodifiable view wraps each
   * entry it gives (such a loop in the audit and the validation's walk was at times a sixth of a
   * validation, as the compiler happened to inline it or not).
   */
  public boolean allMatch(java.util.function.BiPredicate<String, Value> test) {
    for (Map.Entry<String, Value> e : lookup.entrySet()) {
      if (!test.test(e.getKey(), e.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** Whether there are no values. */
  public boolean isEmpty() {
    return map.isEmpty();
  }

  /** Number of names with a value in this scope (not counting nested entries). */
  public int size() {
    return map.size();
  }

  /** The value of a field. */
  public Optional<Value> get(String name) {
    return Optional.ofNullable(lookup.get(name));
  }

  /** These values with the field set. */
  public Values with(String name, Value value) {
    TreeMap<String, Value> copy = new TreeMap<>(map);
    copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new Values(copy);
  }

  /** These values with the field cleared. */
  public Values without(String name) {
    if (!map.containsKey(name)) {
      return this;
    }
    TreeMap<String, Value> copy = new TreeMap<>(map);
    copy.remove(name);
    return new Values(copy);
  }

  /** A text, richtext or choice value. */
  public Optional<String> text(String name) {
    return typed(name, Value.Str.class).map(Value.Str::value);
  }

  /** A number as it was written. */
  public Optional<BigDecimal> decimal(String name) {
    return typed(name, Value.Num.class).map(Value.Num::value);
  }

  /** A whole number. */
  public Optional<Long> integer(String name) {
    return decimal(name).map(BigDecimal::longValueExact);
  }

  /** A boolean. */
  public Optional<Boolean> bool(String name) {
    return typed(name, Value.Bool.class).map(Value.Bool::value);
  }

  /** A date. */
  public Optional<LocalDate> date(String name) {
    return typed(name, Value.Date.class).map(Value.Date::value);
  }

  /** A date and time. */
  public Optional<OffsetDateTime> dateTime(String name) {
    return typed(name, Value.DateTime.class).map(Value.DateTime::value);
  }

  /** A time. */
  public Optional<LocalTime> time(String name) {
    return typed(name, Value.Time.class).map(Value.Time::value);
  }

  /** The options of a multichoice field (empty list when absent). */
  public List<String> choices(String name) {
    return typed(name, Value.Choices.class).map(Value.Choices::values).orElse(List.of());
  }

  /** A coded value. */
  public Optional<Coding> coding(String name) {
    return typed(name, Value.Coded.class).map(Value.Coded::coding);
  }

  /** A signature field's signer. */
  public Optional<Signer> signer(String name) {
    return typed(name, Value.Signed.class).map(Value.Signed::signer);
  }

  /** The entries of a repeat group or repeating table (empty list when absent). */
  public List<Values> rows(String name) {
    return typed(name, Value.Rows.class).map(Value.Rows::rows).orElse(List.of());
  }

  /** Total number of values, counting the values inside every entry of every list. */
  public int deepSize() {
    int n = 0;
    for (Value v : map.values()) {
      n++;
      if (v instanceof Value.Rows rows) {
        for (Values row : rows.rows()) {
          n += row.deepSize();
        }
      }
    }
    return n;
  }

  private <T extends Value> Optional<T> typed(String name, Class<T> type) {
    Value v = lookup.get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (!type.isInstance(v)) {
      throw new IllegalArgumentException("field " + name + " holds a " + v.kind() + " value");
    }
    return Optional.of(type.cast(v));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Values other && map.equals(other.map);
  }

  @Override
  public int hashCode() {
    return map.hashCode();
  }

  @Override
  public String toString() {
    return map.toString();
  }
}

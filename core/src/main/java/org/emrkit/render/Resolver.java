package org.emrkit.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.emrkit.expr.Evaluation;
import org.emrkit.expr.ExpressionEngine;
import org.emrkit.record.Record;
import org.emrkit.record.Signature;
import org.emrkit.record.Value;
import org.emrkit.record.ValueText;
import org.emrkit.record.Values;
import org.emrkit.template.Expression;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.template.Template;

/**
 * What a record's values mean where they are shown, decided in one place for every output and
 * for validation: expressions evaluated in a scope (the scope's names, then the record's top
 * level, then macro fields' context values), the text a field shows ({@link #text}), the value
 * of a calculated field and the state of a signature field. Not thread-safe; one per rendering
 * or validation.
 */
public final class Resolver {

  private final Template template;
  private final Record record;
  private final Clock clock;
  private final ExpressionEngine expressions;
  /** The template's fields by name (a group's after the template's own), read on first use. */
  private Map<String, Field> byName;
  /** Coded fields whose code a calc shows apart ({@code expr="dx.code"}). */
  /** How deep calc fields are being read through each other. */
  private int depth;
  /** How many evaluations are under way, one inside another (a calc's inside what reads it). */
  private int evaluating;
  /**
   * The calcs read during the outermost evaluation under way: field, scope (both by identity: a
   * scope's equality compares all its values) and value, the first {@code read} of each array,
   * kept for the next evaluation (an expression reads a few calcs; looked up in order).
   */
  private Field[] readFields = new Field[4];
  private Values[] readScopes = new Values[4];
  private Object[] readValues = new Object[4];
  private int read;
  private static final int MAX_DEPTH = 2 * org.emrkit.template.Expression.MAX_CALC_CHAIN;
  /** The record's signatures by signer and time (built when a signature field is first shown). */
  private Map<org.emrkit.record.Signer, java.util.List<Signature>> bySigner;

  private Resolver(Template template, Record record, Clock clock, ExpressionEngine expressions) {
    this.template = Objects.requireNonNull(template, "template");
    this.record = Objects.requireNonNull(record, "record");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.expressions = Objects.requireNonNull(expressions, "expressions");
  }

  /** A resolver for the record filled from the template, with the clock for date functions. */
  public static Resolver of(Template template, Record record, Clock clock) {
    return new Resolver(template, record, clock, ExpressionEngine.create());
  }

  /** A resolver that evaluates with the given engine. */
  public static Resolver of(Template template, Record record, Clock clock,
      ExpressionEngine expressions) {
    return new Resolver(template, record, clock, expressions);
  }

  /** The template. */
  public Template template() {
    return template;
  }

  /** The record. */
  public Record record() {
    return record;
  }

  /** The clock expressions and print stamps use. */
  public Clock clock() {
    return clock;
  }

  /** Evaluates an expression with the names of {@code scope} (and the record's top level). */
  public Evaluation evaluate(Expression e, Values scope) {
    // within the outermost evaluation each calc it reads is computed once in each scope, however
    // often it is read (six calcs each adding the one before 300 times took 300^5 evaluations);
    // the calcs it read are let go when it ends
    evaluating++;
    try {
      return expressions.evaluate(e.source(), name -> variable(name, scope), clock);
    } finally {
      if (--evaluating == 0 && read > 0) {
        java.util.Arrays.fill(readFields, 0, read, null);
        java.util.Arrays.fill(readScopes, 0, read, null);
        java.util.Arrays.fill(readValues, 0, read, null);
        read = 0;
      }
    }
  }

  /** Notes a calc as being computed in a scope; its place in the arrays. */
  private int remember(Field f, Values scope) {
    if (read == readFields.length) {
      readFields = java.util.Arrays.copyOf(readFields, read * 2);
      readScopes = java.util.Arrays.copyOf(readScopes, read * 2);
      readValues = java.util.Arrays.copyOf(readValues, read * 2);
    }
    readFields[read] = f;
    readScopes[read] = scope;
    readValues[read] = COMPUTING;
    return read++;
  }

  /** Stands for a calc being computed: read again inside itself, a cycle reads as nothing. */
  private static final Object COMPUTING = new Object();

  /**
   * The text a field shows, the same in every output: a macro field the context value it names
   * (a date-time as {@code yyyy-MM-dd HH:mm}), a calc field its computed value, a checkbox its
   * box, ticked or not, and its label ({@code ☑ 巴氏征阳性}, {@code ☐ 巴氏征阳性} also when
   * unset: on paper an unticked box is a box), any other field its value in {@code scope} as
   * {@link ValueText} writes it; {@code ""} when there is none.
   */
  public String text(Field f, Values scope) {
    if (f.type() == FieldType.MACRO) {
      return record.context().display(f.source()).map(Resolver::dateTime).orElse("");
    }
    if (f.type() == FieldType.CALC) {
      Object c = calcValue(f, scope);
      return c instanceof BigDecimal d ? d.toPlainString() : c == null ? "" : c.toString();
    }
    Value v = scope.get(f.name()).orElse(null);
    if (f.type() == FieldType.BOOLEAN && v == null) {
      v = new Value.Bool(false);
    }
    if (v instanceof Value.Coded c && c.coding().display() != null && codeShownApart(f)) {
      return c.coding().display(); // its code has a cell of its own (a 疾病编码 column)
    }
    return ValueText.of(template, f, v);
  }

  /**
   * Whether a calc of the template shows this coded field's code on its own ({@code
   * expr="dx.code"}): the field then prints its name alone, as a 首页 prints 出院诊断 and
   * 疾病编码 in two columns.
   */
  private boolean codeShownApart(Field f) {
    return CODE_SHOWN.get(template).contains(f.name());
  }

  /** The coded fields whose code a calc shows apart, once per template (not per render). */
  private static final org.emrkit.template.PerTemplate<java.util.Set<String>> CODE_SHOWN =
      new org.emrkit.template.PerTemplate<>(t -> {
        java.util.Set<String> names = new java.util.HashSet<>();
        collectCodeCalcs(t.scope(), names);
        return java.util.Set.copyOf(names);
      });

  private static void collectCodeCalcs(org.emrkit.template.FieldScope scope,
      java.util.Set<String> out) {
    for (Field c : scope.fields().values()) {
      String e = c.type() == FieldType.CALC ? c.expr().source().strip() : "";
      if (e.endsWith(".code") && e.substring(0, e.length() - 5).matches("[A-Za-z_][A-Za-z0-9_]*")) {
        out.add(e.substring(0, e.length() - 5));
      }
    }
    scope.groups().values().forEach(g -> collectCodeCalcs(g, out));
  }

  /** An ISO date-time ({@code 2026-11-20T09:30...}) as {@code 2026-11-20 09:30}; else as is. */
  private static String dateTime(String v) {
    if (v.length() < 16) {
      return v;
    }
    String shape = "dddd-dd-ddTdd:dd";
    for (int i = 0; i < shape.length(); i++) {
      char want = shape.charAt(i);
      char c = v.charAt(i);
      if (want == 'd' ? c < '0' || c > '9' : c != want) {
        return v;
      }
    }
    return v.substring(0, 10) + " " + v.substring(11, 16);
  }

  /** The value of a calc field in a scope, computed and rounded half-up to its precision. */
  public Optional<BigDecimal> calc(Field calc, Values scope) {
    return calcValue(calc, scope) instanceof BigDecimal d ? Optional.of(d) : Optional.empty();
  }

  /**
   * What a calc field computes: a number rounded to its precision, or text (a calc over text,
   * such as {@code dx.code} for a 疾病编码 column); null when it computes nothing.
   */
  private Object calcValue(Field calc, Values scope) {
    Evaluation e = evaluate(calc.expr(), scope);
    if (e.failed()) {
      return null;
    }
    if (e.value() instanceof String text) {
      return text.isEmpty() ? null : text;
    }
    if (!(e.value() instanceof Number n)) {
      return null;
    }
    BigDecimal d = new BigDecimal(n.toString());
    if (calc.precision() != null) {
      return d.setScale(calc.precision(), RoundingMode.HALF_UP);
    }
    // without a precision, the number as on paper: the expressions' arithmetic keeps 16 places
    // after + - * (1 + 2 was 3.000000000000000), which say nothing of the measurements
    d = d.stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0) : d;
  }

  /**
   * The state of a signature field's value at {@code pointer} (into values, {@code /signature}):
   * {@link SignatureState#UNSIGNED} without one, {@link SignatureState#VALID} when a signature of
   * the record that is not superseded put exactly this signer and time there,
   * {@link SignatureState#SUPERSEDED} when only a superseded one has them,
   * {@link SignatureState#UNVERIFIED} when no signature of the record stands for the value (a name
   * typed, changed or copied into the field). Whether the record's signatures themselves are
   * intact is the audit's question ({@code RecordAudit}).
   */
  public SignatureState signature(Value v, String pointer) {
    if (!(v instanceof Value.Signed s)) {
      return SignatureState.UNSIGNED;
    }
    if (bySigner == null) {
      Map<org.emrkit.record.Signer, java.util.List<Signature>> m = new HashMap<>();
      for (Signature sig : record.signatures()) {
        m.computeIfAbsent(sig.asSigner(), k -> new java.util.ArrayList<>()).add(sig);
      }
      bySigner = m;
    }
    SignatureState state = SignatureState.UNVERIFIED;
    for (Signature sig : bySigner.getOrDefault(s.signer(), java.util.List.of())) {
      if (sig.superseded()) {
        state = SignatureState.SUPERSEDED;
      } else if (sig.field() == null || sig.field().equals(pointer)) {
        return SignatureState.VALID;
      }
    }
    return state;
  }

  /**
   * What a signature field shows of its signer: the name and time, or the name alone when
   * {@code nameOnly} (a sheet's row, such as a nursing row, has its own time, and its signature
   * column holds the nurse's name, as the ward's sheet prints it). Whether it shows at all is
   * the signature's state ({@link #signature}); {@link FieldView#text()} decides.
   */
  public String signer(Field f, Values scope, Value v, boolean nameOnly) {
    return nameOnly && v instanceof Value.Signed s ? s.signer().actor().name() : text(f, scope);
  }

  /**
   * The note a superseded signature prints after its signer: {@code （已修改 2026-11-21 09:00，
   * 签名失效）}, with when the amendment superseded it; {@code ""} for a value that is not a
   * signature.
   */
  public String supersededNote(Value v) {
    return v instanceof Value.Signed s ? supersededNote(s) : "";
  }

  private String supersededNote(Value.Signed s) {
    for (Signature sig : record.signatures()) {
      if (sig.superseded() && sig.asSigner().equals(s.signer())) {
        for (org.emrkit.record.Revision r : record.revisions()) {
          if (r.path() instanceof org.emrkit.record.TracePath.OfSuperseded o
              && o.signature().equals(sig.id())) {
            return "（已修改 " + ValueText.dateTime(r.at()) + "，签名失效）";
          }
        }
      }
    }
    return "（已修改，签名失效）";
  }

  private Object variable(String name, Values scope) {
    int dot = name.indexOf('.');
    if (dot > 0) {
      return part(name.substring(0, dot), name.substring(dot + 1), scope);
    }
    Optional<Value> v = where(name, scope).get(name);
    if (v.isPresent()) {
      return ValueObjects.of(v.get());
    }
    Field f = field(name);
    if (f == null || (f.type() != FieldType.CALC && f.type() != FieldType.MACRO)) {
      return null;
    }
    if (f.type() == FieldType.CALC) {
      // a calculated field reads as its value (a cycle of calcs reads as nothing; the compiler
      // refuses one, a template written otherwise may hold one)
      for (int i = 0; i < read; i++) {
        if (readFields[i] == f && readScopes[i] == scope) {
          return readValues[i] == COMPUTING ? null : readValues[i];
        }
      }
      if (depth > MAX_DEPTH) {
        return null;
      }
      int at = remember(f, scope);
      depth++;
      try {
        Object value = calcValue(f, scope);
        readValues[at] = value;
        return value;
      } finally {
        depth--;
      }
    }
    return record.context().lookup(f.source()).map(Resolver::typed).orElse(null);
  }

  /**
   * A part of a value, {@code dx.code} or {@code dx.display}: a coded value's code or name (its
   * code when it has no name); of any other field, {@code code} is its value as expressions read
   * it and {@code display} the text it shows (a choice's option name, a macro's 女 for
   * {@code patient.sex} 2).
   */
  private Object part(String name, String part, Values scope) {
    Values where = where(name, scope);
    Optional<Value> v = where.get(name);
    if (v.isPresent() && v.get() instanceof Value.Coded c) {
      return part.equals("code") || c.coding().display() == null ? c.coding().code()
          : c.coding().display();
    }
    if (part.equals("code")) {
      return variable(name, scope);
    }
    Field f = field(name);
    String text = f == null ? "" : text(f, where);
    return text.isEmpty() ? null : text;
  }

  /** Where a name's value is: the scope (a row) if it holds it, else the record's top level. */
  private Values where(String name, Values scope) {
    return scope.get(name).isPresent() ? scope : record.values();
  }

  /** The field of this name, the template's own scope first, then groups in order. */
  private Field field(String name) {
    if (byName == null) {
      byName = new HashMap<>();
      collect(template.scope(), byName);
    }
    return byName.get(name);
  }

  private static void collect(org.emrkit.template.FieldScope scope, Map<String, Field> out) {
    scope.fields().values().forEach(f -> out.putIfAbsent(f.name(), f));
    scope.groups().values().forEach(g -> collect(g, out));
  }

  /** A context value that expressions read as a number. */
  private static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("-?\\d{1,15}(\\.\\d{1,15})?");

  /**
   * A context value as expressions read it: a number ({@code patient.age} 68), a date-time
   * ({@code encounter.admittedAt}), a date, else the text.
   */
  private static Object typed(String v) {
    if (NUMBER.matcher(v).matches()) {
      return new BigDecimal(v);
    }
    try {
      if (v.length() > 10 && v.charAt(10) == 'T') {
        return java.time.OffsetDateTime.parse(v);
      }
      if (v.length() == 10) {
        return java.time.LocalDate.parse(v);
      }
    } catch (java.time.format.DateTimeParseException e) {
      return v;
    }
    return v;
  }
}

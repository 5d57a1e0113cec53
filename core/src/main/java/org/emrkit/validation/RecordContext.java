package org.emrkit.validation;

import org.emrkit.problem.Message;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.emrkit.expr.Evaluation;
import org.emrkit.expr.ExpressionEngine;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Expression;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.template.Template;
import org.emrkit.terminology.TerminologyService;

/**
 * What a record rule sees: the template, the record, the clock and terminology, and the record
 * walked once against its template (every field and list occurrence with its path, value and
 * activity; expression evaluation problems). Not thread-safe; one per validation.
 */
public final class RecordContext {

  /** An expression that could not be evaluated, at the path of what it belongs to. */
  public record ExpressionProblem(String path, String expression, Message message) {}

  private final Template template;
  private final Record record;
  private final Clock clock;
  private final TerminologyService terminology;
  private final ExpressionEngine expressions;
  private List<FieldValue> fields;
  private List<GroupValue> groups;
  private List<ExpressionProblem> expressionProblems;
  private Map<String, Field> macroFields;
  private final Map<Object, Object> memos = new java.util.HashMap<>();

  RecordContext(Template template, Record record, Clock clock, TerminologyService terminology,
      ExpressionEngine expressions) {
    this.template = template;
    this.record = record;
    this.clock = clock;
    this.terminology = terminology;
    this.expressions = expressions;
  }

  /**
   * A context for reading a record outside validation (renderers: {@code calc} values, which
   * {@code when}/{@code if} content is shown), with no host terminology.
   */
  public static RecordContext of(Template template, Record record, Clock clock) {
    return new RecordContext(template, record, clock, TerminologyService.none(),
        ExpressionEngine.create());
  }

  /** The template. */
  public Template template() {
    return template;
  }

  /** The record. */
  public Record record() {
    return record;
  }

  /** The validator's clock. */
  public Clock clock() {
    return clock;
  }

  /** The terminology service. */
  public TerminologyService terminology() {
    return terminology;
  }

  /** The template's document type, or empty. */
  public Optional<String> documentType() {
    return Optional.ofNullable(template.documentType());
  }

  /**
   * A value computed once per validation and shared by the rules (e.g. an index of the record),
   * under a key the computing rule owns.
   */
  @SuppressWarnings("unchecked")
  public <T> T memo(Object key, java.util.function.Supplier<T> compute) {
    return (T) memos.computeIfAbsent(key, k -> compute.get());
  }

  /** Every field occurrence, in template order (rows in record order). */
  public List<FieldValue> fields() {
    walk();
    return fields;
  }

  /** Every repeat group and repeating table occurrence. */
  public List<GroupValue> groups() {
    walk();
    return groups;
  }

  /** Expressions that could not be evaluated while walking. */
  public List<ExpressionProblem> expressionProblems() {
    walk();
    return expressionProblems;
  }

  /** Evaluates an expression with the names of {@code scope} (and the record's top level). */
  public Evaluation evaluate(Expression e, Values scope) {
    return expressions.evaluate(e.source(), name -> variable(name, scope), clock);
  }

  /**
   * The text a field shows when the record is printed or viewed, the same in every renderer: a
   * macro field the context value it names (a date-time as {@code yyyy-MM-dd HH:mm}), a calc
   * field its computed value, any other field its value in {@code scope} as
   * {@link org.emrkit.record.ValueText} writes it; {@code ""} when there is none.
   */
  public String text(Field f, Values scope) {
    if (f.type() == org.emrkit.template.FieldType.MACRO) {
      return record.context().lookup(f.source()).map(v ->
          v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*") ? v.substring(0, 10) + " "
              + v.substring(11, 16) : v).orElse("");
    }
    if (f.type() == org.emrkit.template.FieldType.CALC) {
      return calc(f, scope).map(BigDecimal::toPlainString).orElse("");
    }
    return org.emrkit.record.ValueText.of(template, f, scope.get(f.name()).orElse(null));
  }

  /** The value of a calc field in a scope, computed and rounded to its precision. */
  public Optional<BigDecimal> calc(Field calc, Values scope) {
    Evaluation e = evaluate(calc.expr(), scope);
    if (e.failed() || !(e.value() instanceof Number n)) {
      return Optional.empty();
    }
    BigDecimal d = new BigDecimal(n.toString());
    return Optional.of(calc.precision() == null ? d
        : d.setScale(calc.precision(), java.math.RoundingMode.HALF_UP));
  }

  private Object variable(String name, Values scope) {
    Optional<Value> v = scope.get(name);
    if (v.isEmpty() && scope != record.values()) {
      v = record.values().get(name);
    }
    if (v.isPresent()) {
      return ValueObjects.of(v.get());
    }
    if (macroFields == null) {
      macroFields = new java.util.HashMap<>();
      template.scope().fields().values().stream().filter(f -> f.type() == FieldType.MACRO)
          .forEach(f -> macroFields.put(f.name(), f));
    }
    Field macro = macroFields.get(name);
    return macro == null ? null : record.context().lookup(macro.source()).orElse(null);
  }

  private void walk() {
    if (fields != null) {
      return;
    }
    List<FieldValue> f = new ArrayList<>();
    List<GroupValue> g = new ArrayList<>();
    List<ExpressionProblem> p = new ArrayList<>();
    new RecordWalker(this, f, g, p).walk(template, record.values());
    fields = Collections.unmodifiableList(f);
    groups = Collections.unmodifiableList(g);
    expressionProblems = Collections.unmodifiableList(p);
  }
}

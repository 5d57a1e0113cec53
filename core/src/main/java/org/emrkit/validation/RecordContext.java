package org.emrkit.validation;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.emrkit.expr.Evaluation;
import org.emrkit.expr.ExpressionEngine;
import org.emrkit.record.Record;
import org.emrkit.record.Values;
import org.emrkit.render.ExpressionProblem;
import org.emrkit.render.FieldView;
import org.emrkit.render.GroupView;
import org.emrkit.render.RecordWalk;
import org.emrkit.render.Resolver;
import org.emrkit.render.WalkTarget;
import org.emrkit.template.Expression;
import org.emrkit.template.Field;
import org.emrkit.template.Template;
import org.emrkit.terminology.TerminologyService;

/**
 * What a record rule sees: the template, the record, the clock and terminology, and the record
 * walked once against its template by the shared {@link RecordWalk} (every field and list
 * occurrence with its path, value and activity; expression evaluation problems). Not
 * thread-safe; one per validation.
 */
public final class RecordContext {

  private final Template template;
  private final Record record;
  private final Clock clock;
  private final TerminologyService terminology;
  private final Resolver resolver;
  private List<FieldValue> fields;
  private List<GroupValue> groups;
  private List<ExpressionProblem> expressionProblems;
  private List<Unplaced> unplaced;
  private final Map<Object, Object> memos = new HashMap<>();

  RecordContext(Template template, Record record, Clock clock, TerminologyService terminology,
      ExpressionEngine expressions) {
    this.template = template;
    this.record = record;
    this.clock = clock;
    this.terminology = terminology;
    this.resolver = Resolver.of(template, record, clock, expressions);
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

  /** The resolver: what fields show, calculated values, signature states. */
  public Resolver resolver() {
    return resolver;
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
  public <T> T memo(Object key, Supplier<T> compute) {
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

  /**
   * A value the template has no place for (only a record built through the API holds one):
   * under a name its scope does not have, or, {@code list}, under a list's name but not a list.
   *
   * @param pointer JSON pointer of the value
   * @param name its name
   * @param value the value
   * @param list whether the name is a list's (a repeat group's or repeating table's)
   */
  public record Unplaced(String pointer, String name, org.emrkit.record.Value value,
      boolean list) {}

  /**
   * The values the template has no place for, found as the walk meets each scope (the record
   * and every entry of every list; a separate pass over a long record's entries cost a tenth of
   * its validation, the entries no longer in the processor's caches).
   */
  public List<Unplaced> unplaced() {
    walk();
    return unplaced;
  }

  /** Expressions that could not be evaluated while walking. */
  public List<ExpressionProblem> expressionProblems() {
    walk();
    return expressionProblems;
  }

  /** Evaluates an expression with the names of {@code scope} (and the record's top level). */
  public Evaluation evaluate(Expression e, Values scope) {
    return resolver.evaluate(e, scope);
  }

  /** The text a field shows when the record is printed or viewed; see {@link Resolver#text}. */
  public String text(Field f, Values scope) {
    return resolver.text(f, scope);
  }

  /** The value of a calc field in a scope; see {@link Resolver#calc}. */
  public Optional<BigDecimal> calc(Field calc, Values scope) {
    return resolver.calc(calc, scope);
  }

  private void walk() {
    if (fields != null) {
      return;
    }
    List<FieldValue> f = new ArrayList<>();
    List<GroupValue> g = new ArrayList<>();
    List<Unplaced> u = new ArrayList<>();
    // the template scope of each list the walk is in (null for one the template lacks)
    List<org.emrkit.template.FieldScope> scopes = new ArrayList<>();
    scopes.add(template.scope());
    unplaced(record.values(), template.scope(), "/values", u);
    RecordWalk walk = RecordWalk.builder(resolver).includeHidden(true).build();
    walk.blocks(new WalkTarget() {
      @Override
      public void startEntry(org.emrkit.render.EntryView e) {
        org.emrkit.template.FieldScope scope = scopes.get(scopes.size() - 1);
        if (e.index() >= 0 && scope != null) {
          unplaced(e.values(), scope, e.path(), u);
        }
      }

      @Override
      public void endGroup(GroupView v) {
        scopes.remove(scopes.size() - 1);
      }

      @Override
      public boolean fieldsOnly() {
        return true;
      }

      @Override
      public void fieldAlone(FieldView v) {
        f.add(new FieldValue(v));
      }

      @Override
      public void startGroup(GroupView v) {
        org.emrkit.template.FieldScope outer = scopes.get(scopes.size() - 1);
        scopes.add(outer == null ? null : outer.groups().get(v.id()));
        g.add(new GroupValue(v.id(), v.path(), v.entries(), v.min(), v.max(), v.table(),
            v.visible()));
      }
    });
    fields = Collections.unmodifiableList(f);
    groups = Collections.unmodifiableList(g);
    unplaced = Collections.unmodifiableList(u);
    expressionProblems = walk.problems();
  }

  /** The values of one scope its template scope has no place for (its entries are walked). */
  private static void unplaced(Values values, org.emrkit.template.FieldScope scope, String at,
      List<Unplaced> out) {
    Map<String, org.emrkit.template.Field> fields = scope.fields();
    Map<String, org.emrkit.template.FieldScope> groups = scope.groups();
    values.asMap().forEach((name, value) -> {
      if (!fields.containsKey(name)) {
        boolean list = groups.containsKey(name);
        if (!list || !(value instanceof org.emrkit.record.Value.Rows)) {
          out.add(new Unplaced(at + "/" + org.emrkit.problem.Location.Pointer.token(name), name,
              value, list));
        }
      }
    });
  }
}

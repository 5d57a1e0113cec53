package org.emrkit.validation.rules;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.emrkit.record.Coding;
import org.emrkit.record.Value;
import org.emrkit.template.Field;
import org.emrkit.template.PerTemplate.Same;
import org.emrkit.terminology.CodeEntry;
import org.emrkit.terminology.CodeSystemRef;
import org.emrkit.terminology.CodeTable;
import org.emrkit.validation.FieldRule;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.Reporter;

/**
 * The code rules' common part (package-private): each active coded value, with the table it is
 * checked against (empty when the host has none for it) and its label for messages.
 */
abstract class Codes implements FieldRule {

  /**
   * The list the code should be in: the edition the value says it was picked from, when the
   * host has it and the field is not bound to a value set; else the field's binding. Looked up
   * once per record for every rule that checks the value (a host's service may build a template
   * value set's table on each call).
   */
  static Optional<CodeTable> table(RecordContext context, Field field, Coding coding) {
    return context.memo(new Key(new Same<>(field), coding.system(), coding.version()),
        () -> lookUp(context, field, coding));
  }

  /**
   * The table a field without a coded value draws from (a choice field's value set): the
   * look-up {@link #table(RecordContext, Field, Coding)} makes for a value naming no edition,
   * kept under the same key.
   */
  static Optional<CodeTable> table(RecordContext context, Field field) {
    return context.memo(new Key(new Same<>(field), null, null),
        () -> context.terminology().table(context.template(), field));
  }

  /**
   * What a look-up is kept by: the template field by identity (a field's own hash is a walk of
   * its whole definition, options and bounds, and four rules asked per coded value), and the
   * edition the value names.
   */
  private record Key(Same<Field> field, String system, String version) {}

  private static Optional<CodeTable> lookUp(RecordContext context, Field field, Coding coding) {
    if (field.valueSet() == null && coding.system() != null && coding.version() != null) {
      Optional<CodeTable> own = context.terminology()
          .system(new CodeSystemRef(coding.system(), coding.version()));
      if (own.isPresent()) {
        return own;
      }
    }
    return context.terminology().table(context.template(), field);
  }

  /** Only codings, in whatever field a host put them. */
  @Override
  public final boolean appliesTo(Field field, Class<? extends Value> kind) {
    return kind == Value.Coded.class;
  }

  @Override
  public final void check(FieldValue f, RecordContext context, Reporter reporter) {
    if (f.value() instanceof Value.Coded c) {
      check(f, c.coding(), table(context, f.field(), c.coding()), Infos.label(f), reporter);
    }
  }

  /** Checks one coded value. */
  abstract void check(FieldValue f, Coding coding, Optional<CodeTable> table, String label,
      Reporter reporter);

  /** {@code I20.000 不稳定型心绞痛、I20.100 …}: the entries, code and name. */
  static String list(List<CodeEntry> entries) {
    return entries.stream().map(e -> e.code() + " " + e.name())
        .collect(Collectors.joining("、"));
  }
}

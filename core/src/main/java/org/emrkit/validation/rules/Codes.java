package org.emrkit.validation.rules;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.emrkit.record.Coding;
import org.emrkit.template.Field;
import org.emrkit.terminology.CodeEntry;
import org.emrkit.terminology.CodeSystemRef;
import org.emrkit.terminology.CodeTable;
import org.emrkit.validation.RecordContext;

/** Which table a coded value is checked against (package-private). */
final class Codes {
  private Codes() {}

  /**
   * The list the code should be in: the edition the value says it was picked from, when the
   * host has it and the field is not bound to a value set; else the field's binding.
   */
  static Optional<CodeTable> table(RecordContext context, Field field, Coding coding) {
    if (field.valueSet() == null && coding.system() != null && coding.version() != null) {
      Optional<CodeTable> own = context.terminology()
          .system(new CodeSystemRef(coding.system(), coding.version()));
      if (own.isPresent()) {
        return own;
      }
    }
    return context.terminology().table(context.template(), field);
  }

  /** {@code I20.000 不稳定型心绞痛、I20.100 …}: the entries, code and name. */
  static String list(List<CodeEntry> entries) {
    return entries.stream().map(e -> e.code() + " " + e.name())
        .collect(Collectors.joining("、"));
  }
}

package org.emrkit.validation.rules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.terminology.DataElements;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RuleInfo;

/** Helpers for rule descriptions and messages (package-private). */
final class Infos {
  private Infos() {}

  static RuleInfo info(String code, String zh, String en, String source, Severity severity,
      String deduction, boolean veto, String exampleZh, String exampleEn, String... params) {
    Map<String, String> p = new LinkedHashMap<>();
    for (int i = 0; i < params.length; i += 2) {
      p.put(params[i], params[i + 1]);
    }
    return new RuleInfo(code, new Message(zh, en), source, severity, new BigDecimal(deduction),
        veto, p, new Message(exampleZh, exampleEn));
  }

  /**
   * How a field is named in messages: as every output names it ({@link FieldValue#label()}: its
   * label, the text before it, its cell's headers...), else its data element's name, else its
   * section's title with the field name, else its name.
   */
  static String label(FieldValue f) {
    if (f.label() != null && !f.label().isBlank()) {
      return f.label();
    }
    if (f.field().label() != null) {
      return f.field().label();
    }
    java.util.Optional<DataElements.Names> de = DataElements.names(f.field().dataElement());
    if (de.isPresent()) {
      return de.get().zh();
    }
    if (!f.sections().isEmpty()) {
      return f.sections().get(f.sections().size() - 1).title() + "(" + f.field().name() + ")";
    }
    return f.field().name();
  }
}

package org.emrkit.validation;

import org.emrkit.problem.Message;

/**
 * Where a rule reports problems. The engine fills in the code, severity, deduction and veto
 * from the rule's defaults and the options' overrides.
 */
public interface Reporter {

  /** Reports a problem at {@code path} (a JSON pointer into the record). */
  void report(String path, Message message);

  /** Reports a problem that vetoes (单项否决) whatever the rule's default. */
  void reportVeto(String path, Message message);

  /** The value of a rule parameter: the override from the options, or the rule's default. */
  String parameter(String name);

  /** A parameter as a number. */
  default double number(String name) {
    return Double.parseDouble(parameter(name));
  }
}

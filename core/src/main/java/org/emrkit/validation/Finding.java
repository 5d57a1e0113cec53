package org.emrkit.validation;

import java.math.BigDecimal;
import java.util.Objects;
import org.emrkit.problem.Location;
import org.emrkit.problem.Message;
import org.emrkit.problem.Problem;
import org.emrkit.problem.Severity;

/**
 * One problem a rule found in a record.
 *
 * @param code the rule's stable code, e.g. {@code cn/chief-complaint-length}
 * @param severity error, warning or info
 * @param path JSON pointer into the record JSON ({@code /values/chiefComplaint},
 *     {@code /values/progressNotes/2/at}, {@code /completedAt}; {@code ""} for the whole record)
 * @param message what is wrong, naming the item and the numbers, in Chinese and English
 * @param deduction points taken off the score (0 or more)
 * @param veto whether the finding alone makes the record 丙 (单项否决)
 */
public record Finding(String code, Severity severity, String path, Message message,
    BigDecimal deduction, boolean veto) implements Problem {

  /** Checks the members. */
  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(deduction, "deduction");
    if (deduction.signum() < 0) {
      throw new IllegalArgumentException("deduction must not be negative");
    }
  }

  /** The JSON pointer of {@link #path()}. */
  @Override
  public Location location() {
    return new Location.Pointer(path);
  }

  /** {@code error cn/time-limit /completedAt -5: 中文(English)}. */
  @Override
  public String toString() {
    return severity.label() + " " + code + " " + (path.isEmpty() ? "/" : path)
        + (deduction.signum() > 0 ? " -" + deduction.toPlainString() : "") + (veto ? " 否决" : "")
        + ": " + message;
  }
}

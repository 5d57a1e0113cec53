package org.emrkit.problem;

import java.util.Objects;

/**
 * One problem, for the person who must act on it: a stable code ({@code dsl/...},
 * {@code json/...}, {@code field/...}, {@code cn/...}, {@code edit/...}, {@code docx/...},
 * {@code render/...}), how serious it is, where it is and a message in Chinese and English.
 * Template diagnostics, JSON read problems, validation findings, edit refusals, Word import
 * diagnostics and render failures are all problems, so a host can list them the same way.
 */
public interface Problem {

  /** The stable code. */
  String code();

  /** How serious. */
  Severity severity();

  /** Where. */
  Location location();

  /** What is wrong, in Chinese and English. */
  Message message();

  /** A problem of no more specific kind. */
  static Problem of(String code, Severity severity, Location location, Message message) {
    return new Simple(code, severity, location, message);
  }

  /** {@code location: severity code: 中文(English)}: the one-line form of any problem. */
  static String line(Problem p) {
    return p.location().describe() + ": " + p.severity().label() + " " + p.code() + ": "
        + p.message();
  }

  /** The plain implementation behind {@link #of}. */
  record Simple(String code, Severity severity, Location location, Message message)
      implements Problem {
    /** Checks the members. */
    public Simple {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(severity, "severity");
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      return line(this);
    }
  }
}

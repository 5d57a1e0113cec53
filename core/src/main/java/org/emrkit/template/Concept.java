package org.emrkit.template;

import java.util.Objects;

/**
 * One entry of a value set: a code and its display text, e.g. {@code 1 男}.
 *
 * @param code the code, without white space
 * @param display the display text, one line, not blank
 */
public record Concept(String code, String display) {

  /** Checks both parts. */
  public Concept {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(display, "display");
    if (code.isEmpty() || code.length() > 64 || code.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("bad code \"" + code
          + "\": 1 to 64 characters without white space");
    }
    if (display.isBlank() || display.length() > 500 || display.indexOf('\n') >= 0
        || !display.equals(display.strip())) {
      throw new IllegalArgumentException("bad display text for code " + code
          + ": one line of 1 to 500 characters without surrounding spaces");
    }
  }
}

package org.emrkit.template;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Shared argument checks of the model (package-private). */
final class Ids {

  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
  static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
  static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,49}:\\S{1,100}");

  private Ids() {}

  static void checkId(String id, String what) {
    Objects.requireNonNull(id, what);
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("bad " + what + " \"" + id
          + "\": letters, digits, '-' and '_', starting with a letter or digit");
    }
  }

  static void checkName(String name, String what) {
    Objects.requireNonNull(name, what);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("bad " + what + " \"" + name
          + "\": expected [A-Za-z_][A-Za-z0-9_]*, at most 64 characters");
    }
  }

  static void checkDataElement(String de) {
    FieldAttribute.DE.check(de).ifPresent(m -> {
      throw new IllegalArgumentException("bad data-element id \"" + de + "\": " + m.en());
    });
  }

  static void checkCode(String code) {
    if (code != null && !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("bad code \"" + code + "\": expected SYSTEM:CODE");
    }
  }

  static void checkRowBounds(int min, Integer max, String what) {
    if (min < 0 || min > TemplateLimits.MAX_REPEATS) {
      throw new IllegalArgumentException(what + ": min must be 0 to "
          + TemplateLimits.MAX_REPEATS + ", was " + min);
    }
    if (max != null && (max < Math.max(1, min) || max > TemplateLimits.MAX_REPEATS)) {
      throw new IllegalArgumentException(what + ": max must be at least max(1, min) and at most "
          + TemplateLimits.MAX_REPEATS + ", was " + max);
    }
  }

  static void checkNoSections(List<Block> blocks, String where) {
    for (Block b : blocks) {
      Objects.requireNonNull(b, "block");
      if (b instanceof Section s) {
        throw new IllegalArgumentException(where + " must not contain section \"" + s.title()
            + "\"; sections live only in the template or in other sections");
      }
    }
  }
}

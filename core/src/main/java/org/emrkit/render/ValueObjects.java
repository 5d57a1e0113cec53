package org.emrkit.render;

import org.emrkit.record.Value;

/** Record values as the objects expressions see (package-private). */
final class ValueObjects {
  private ValueObjects() {}

  static Object of(Value v) {
    if (v instanceof Value.Str s) {
      return s.value();
    } else if (v instanceof Value.Num n) {
      return n.value();
    } else if (v instanceof Value.Bool b) {
      return b.value();
    } else if (v instanceof Value.Date d) {
      return d.value();
    } else if (v instanceof Value.DateTime d) {
      return d.value();
    } else if (v instanceof Value.Time t) {
      return t.value();
    } else if (v instanceof Value.Choices c) {
      return c.values();
    } else if (v instanceof Value.Coded c) {
      return c.coding().code();
    } else if (v instanceof Value.Signed s) {
      return s.signer().actor().name();
    } else if (v instanceof Value.Rows r) {
      return r.rows();
    }
    return null;
  }
}

package org.emrkit.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValueTextTest {

  @Test
  void asciiDigitsAreZeroToNineAlone() {
    assertTrue(ValueText.isAsciiDigits("2026-11-28", 0, 4));
    assertTrue(ValueText.isAsciiDigits("2026-11-28", 5, 7));
    assertFalse(ValueText.isAsciiDigits("2026-11-28", 3, 5), "a dash in the range");
    assertTrue(ValueText.isAsciiDigits("I20", 1, 1), "an empty range");
    // the characters on either side of 0-9, and digits that are not ASCII
    assertFalse(ValueText.isAsciiDigits("/", 0, 1));
    assertFalse(ValueText.isAsciiDigits(":", 0, 1));
    assertFalse(ValueText.isAsciiDigits("２０２６", 0, 4), "full-width digits of an input method");
    assertFalse(ValueText.isAsciiDigits("١٢", 0, 2), "Arabic-Indic digits");
    for (char c = 0; c < 0x3000; c++) {
      assertEquals(c >= '0' && c <= '9', ValueText.isAsciiDigits(String.valueOf(c), 0, 1),
          "U+" + Integer.toHexString(c));
    }
  }
}

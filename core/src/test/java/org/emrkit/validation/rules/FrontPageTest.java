package org.emrkit.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.emrkit.testing.Seeds;
import org.junit.jupiter.api.Test;

/** Code ranges as the front-page rules read them. */
class FrontPageTest {

  /** How the ranges were read before they were kept parsed: the oracle. */
  private static boolean inAsBefore(String code, String ranges) {
    if (code == null || code.length() < 3 || !code.substring(0, 3).matches("[A-Z]\\d\\d")) {
      return false;
    }
    String category = code.substring(0, 3);
    for (String range : ranges.split("\\s*,\\s*")) {
      String[] ends = range.split("-");
      String low = ends[0].strip().toUpperCase(Locale.ROOT);
      String high = (ends.length > 1 ? ends[1] : ends[0]).strip().toUpperCase(Locale.ROOT);
      if (category.compareTo(low) >= 0 && category.compareTo(high) <= 0) {
        return true;
      }
    }
    return false;
  }

  /** The answer, or that there was none (a range list mistyped, as before, where reached). */
  private static Object answer(java.util.function.BooleanSupplier in) {
    try {
      return in.getAsBoolean();
    } catch (RuntimeException e) {
      return "refused";
    }
  }

  @Test
  void codesAreInTheRangesAsBefore() {
    String[] ranges = {"R00-R99", "S00-T98,V01-Y98", " s00 - t98 , v01-y98 ", "I20", "A00-A09,I20",
        "Z99-A00", "", "R07-R07.4", "S00-T98,-", "-,S00-T98", "A00-B99, --"};
    String[] chars = {"A", "I", "R", "S", "T", "V", "Y", "Z", "r", "0", "1", "7", "9", ".", "x",
        "٣"};
    Seeds.check("code in ranges as before", 40, random -> {
      for (int k = 0; k < 2_000; k++) {
        String code = random.nextInt(10) == 0 ? null : Seeds.joined(random, chars, 8);
        String r = ranges[random.nextInt(ranges.length)];
        assertThat(answer(() -> FrontPage.in(code, r))).as(code + " in " + r)
            .isEqualTo(answer(() -> inAsBefore(code, r)));
      }
    });
  }
}

package org.emrkit.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BoundTest {

  private static final Pattern PLAIN = Pattern.compile("-?\\d{1,30}(\\.\\d{1,30})?");

  @Test
  void aPlainDecimalIsWhatThePatternSays() {
    for (String s : new String[] {"43", "-1", "36.5", "0.0", "", "-", ".5", "5.", "1e3", "+1",
        "opStart", "１２", "1".repeat(30), "1".repeat(31), "1." + "2".repeat(30),
        "1." + "2".repeat(31), "--1", "1.2.3"}) {
      assertEquals(PLAIN.matcher(s).matches(), Bound.plainDecimal(s), s);
    }
    long seed = Long.getLong("emrkit.seed", System.nanoTime());
    System.out.println("BoundTest seed " + seed + " (replay with -Demrkit.seed=" + seed + ")");
    Random random = new Random(seed);
    String alphabet = "0123456789.-9a ";
    for (int n = 0; n < 200_000; n++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(random.nextInt(10) == 0 ? 70 : 8);
      for (int i = 0; i < length; i++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = b.toString();
      assertEquals(PLAIN.matcher(s).matches(), Bound.plainDecimal(s), () -> s + ", seed " + seed);
    }
  }
}

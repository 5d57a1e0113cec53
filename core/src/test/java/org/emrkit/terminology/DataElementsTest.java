package org.emrkit.terminology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DataElementsTest {

  @Test
  void hasRootAnswersWhatComparingTheRootAnswers() {
    assertTrue(DataElements.hasRoot("DE04.01.119.00", "DE04.01.119.00"));
    assertTrue(DataElements.hasRoot("DE04.01.119.00.01", "DE04.01.119.00"));
    assertFalse(DataElements.hasRoot("DE04.01.119.001", "DE04.01.119.00"));
    assertFalse(DataElements.hasRoot("DE04.01.119.00.01", "DE04.01"));
    assertFalse(DataElements.hasRoot(null, "DE04.01.119.00"));
    // property: over random ids and roots of few characters, both ways agree
    long seed = Long.getLong("emrkit.seed", System.nanoTime());
    System.out.println("DataElementsTest seed " + seed + " (replay with -Demrkit.seed=" + seed
        + ")");
    Random random = new Random(seed);
    for (int n = 0; n < 200_000; n++) {
      String id = random.nextInt(20) == 0 ? null : id(random);
      String root = random.nextBoolean() && id != null
          ? id.substring(0, random.nextInt(id.length() + 1)) : id(random);
      assertEquals(root.equals(DataElements.root(id)), DataElements.hasRoot(id, root),
          () -> "id " + id + ", root " + root + ", seed " + seed);
    }
  }

  private static String id(Random random) {
    StringBuilder b = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      b.append(".0D1".charAt(random.nextInt(4)));
    }
    return b.toString();
  }
}

package org.emrkit.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Runs a property over seeded random generators (our replacement for jqwik): a fixed list of
 * seeds that always runs, plus a few fresh random seeds each run. A failure names the seed and
 * how to replay it: {@code ./mvnw -pl core test -Dtest=... -Demrkit.seed=SEED}.
 */
public final class Seeds {

  /** Seeds every property runs, so a failure once seen keeps being tested. */
  public static final long[] FIXED = {1L, 2L, 3L, 42L, 1234L, 20261122L, 987654321L,
      0x5EEDL, -1L, Long.MAX_VALUE,
      // found by fresh seeds: a merged cell split across pages (conformance), an empty field's
      // unit in the PDF's page footer (conformance), a field in error beside a line break and
      // a full-width space in a value set's code, each crashing the template compiler
      // (ControlCharacterTest)
      4194269277377816695L, -3170531706050382339L, 5007871287130435010L,
      3767834178184097279L};

  private Seeds() {}

  /** A property over one random source. */
  @FunctionalInterface
  public interface Property {
    /** Checks the property for the values drawn from {@code random}. */
    void check(SplittableRandom random) throws Exception;
  }

  /**
   * Runs {@code property} {@code runs} times. Each run gets its own seed: the fixed seeds first,
   * then seeds drawn from one fresh random seed per call (or only {@code -Demrkit.seed}).
   */
  public static void check(String name, int runs, Property property) {
    List<Long> seeds = seeds(runs);
    System.out.println("property \"" + name + "\": " + seeds.size() + " seeds, "
        + (seeds.size() > FIXED.length ? "fresh from " + seeds.get(FIXED.length) : "fixed")
        + " (replay one with -Demrkit.seed=SEED)");
    for (long seed : seeds) {
      try {
        property.check(new SplittableRandom(seed));
      } catch (AssertionError | Exception | StackOverflowError e) {
        throw new AssertionError(name + " failed for seed " + seed + " (replay with -Demrkit.seed="
            + seed + "): " + e, e);
      }
    }
  }

  /** Fewer than {@code max} of {@code parts}, drawn at random and joined: a property's text. */
  public static String joined(SplittableRandom random, String[] parts, int max) {
    StringBuilder b = new StringBuilder();
    int n = random.nextInt(max);
    for (int i = 0; i < n; i++) {
      b.append(parts[random.nextInt(parts.length)]);
    }
    return b.toString();
  }

  private static List<Long> seeds(int runs) {
    List<Long> out = new ArrayList<>();
    String replay = System.getProperty("emrkit.seed");
    if (replay != null && !replay.isBlank()) {
      out.add(Long.parseLong(replay.trim()));
      return out;
    }
    for (long s : FIXED) {
      if (out.size() < runs) {
        out.add(s);
      }
    }
    Random fresh = new Random();
    long base = fresh.nextLong();
    for (int i = out.size(); i < runs; i++) {
      out.add(base + i * 0x9E3779B97F4A7C15L);
    }
    return out;
  }
}

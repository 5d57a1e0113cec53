package org.emrkit.bench;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One benchmark method of two builds, side by side in one JVM: each build's benchmarks jar is
 * loaded by a class loader of its own, and one-second slices of the method alternate between
 * them (which goes first alternates too). Each round prints both rates and their ratio; the end
 * prints the means over the last two thirds of the rounds (the first third warms up) and the
 * median of their ratios, which a round still compiling on one side (seen at 7 times) moves
 * less than it moves the mean. Run both orders (A, B and B, A): a change measured 1.14 one way
 * and 0.997 the other once, which is no change. On a
 * machine whose speed swings by half from one minute to the next, two JVMs run one after the
 * other disagree by more than most changes; slices a second apart see the same machine.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.emrkit.bench.SideBySide \
 *     /tmp/before/benchmarks.jar benchmarks/target/benchmarks.jar \
 *     org.emrkit.bench.ValidationScaleBenchmark validate 15 entries=40000
 * </pre>
 *
 * <p>Arguments: the two jars, the benchmark class, its method (no arguments), the rounds, and
 * {@code field=value} for the benchmark's parameters. Methods whose names start with {@code
 * setup} are run first. The method is called through reflection, outside JMH: its rates are
 * for comparing the two builds, not for quoting alone.
 */
public final class SideBySide {

  private SideBySide() {}

  /** Runs the comparison; see the class comment. */
  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("usage: SideBySide A.jar B.jar CLASS METHOD ROUNDS [field=value ...]");
      System.exit(2);
    }
    Object[] benchmark = new Object[2];
    Method[] method = new Method[2];
    for (int k = 0; k < 2; k++) {
      URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(args[k]).toUri().toURL()},
          ClassLoader.getPlatformClassLoader());
      Class<?> c = Class.forName(args[2], true, loader);
      benchmark[k] = c.getConstructor().newInstance();
      for (int i = 5; i < args.length; i++) {
        String[] kv = args[i].split("=", 2);
        Field f = c.getDeclaredField(kv[0]);
        f.setAccessible(true);
        f.set(benchmark[k], f.getType() == int.class ? (Object) Integer.valueOf(kv[1]) : kv[1]);
      }
      for (Method m : c.getMethods()) {
        if (m.getName().startsWith("setup") && m.getParameterCount() == 0) {
          m.invoke(benchmark[k]);
        }
      }
      method[k] = c.getMethod(args[3]);
    }
    int rounds = Integer.parseInt(args[4]);
    double a = 0;
    double b = 0;
    double ratio = 0;
    int counted = 0;
    java.util.List<Double> ratios = new java.util.ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      double[] rate = new double[2];
      for (int k = 0; k < 2; k++) {
        int which = (k + r) % 2;
        rate[which] = rate(benchmark[which], method[which]);
      }
      if (r >= rounds / 3) {
        a += rate[0];
        b += rate[1];
        ratio += rate[1] / rate[0];
        ratios.add(rate[1] / rate[0]);
        counted++;
      }
      System.out.printf(Locale.ROOT, "round %d: A %.1f/s  B %.1f/s  B/A %.3f%n", r, rate[0],
          rate[1], rate[1] / rate[0]);
    }
    System.out.printf(Locale.ROOT, "mean A %.1f/s  B %.1f/s  mean of B/A %.3f (last %d rounds)%n",
        a / counted, b / counted, ratio / counted, counted);
    java.util.Collections.sort(ratios);
    int m = ratios.size();
    double median = m % 2 == 1 ? ratios.get(m / 2)
        : (ratios.get(m / 2 - 1) + ratios.get(m / 2)) / 2;
    System.out.printf(Locale.ROOT, "median of B/A %.3f (from %.3f to %.3f)%n", median,
        ratios.get(0), ratios.get(m - 1));
  }

  /** Calls per second of {@code m} over about one second. */
  private static double rate(Object benchmark, Method m) throws Exception {
    long start = System.nanoTime();
    long end = start + 1_000_000_000L;
    long n = 0;
    // a reflective call is not optimised away: its result needs no sink
    while (System.nanoTime() < end || n == 0) {
      m.invoke(benchmark);
      n++;
    }
    return n * 1e9 / (System.nanoTime() - start);
  }
}

package org.emrkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every input of the fuzz corpus ({@link FuzzCases}) in a child JVM with a 256 MiB heap, each
 * within 20 seconds: each gets exactly the answer its case names (a refusal's code, or "ok"),
 * none hangs, runs out of memory or throws, and nothing prints a stack trace.
 */
class FuzzCorpusTest {

  static final long BOUND_MILLIS = 20_000;

  @Test
  void everyHostileInputIsAnsweredWithinItsBoundsInA256MegabyteJvm() throws Exception {
    Path dir = Path.of("target", "fuzz");
    Files.createDirectories(dir);
    List<FuzzCases> cases = FuzzCases.all();
    StringBuilder manifest = new StringBuilder();
    for (FuzzCases c : cases) {
      Files.write(dir.resolve(c.name()), c.bytes());
      manifest.append(c.name()).append('\t').append(c.kind()).append('\n');
    }
    Files.writeString(dir.resolve("manifest.tsv"), manifest);
    Path log = dir.resolve("runner.log");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
        "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory",
        "-cp",
        System.getProperty("java.class.path"), FuzzRunner.class.getName(), dir.toString(),
        Long.toString(BOUND_MILLIS))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean ended = p.waitFor(cases.size() * BOUND_MILLIS / 1000 + 60, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    String out = Files.readString(log);
    System.out.print(out.lines().filter(l -> l.startsWith("CASE")).map(l -> "fuzz " + l + "\n")
        .reduce("", String::concat));
    assertThat(ended).as("the runner ended: %s", out).isTrue();
    assertThat(p.exitValue()).as("the runner's exit (3: a case over its time bound; 3 or"
        + " a crash on running out of heap): %s", out).isZero();
    Map<String, String> got = new LinkedHashMap<>();
    out.lines().filter(l -> l.startsWith("CASE\t")).forEach(l -> {
      String[] f = l.split("\t");
      got.put(f[1], f[2]);
    });
    Map<String, String> expected = new LinkedHashMap<>();
    cases.forEach(c -> expected.put(c.name(), c.expected()));
    assertThat(got).as("each case's answer").containsExactlyEntriesOf(expected);
    assertThat(out.lines().filter(l -> !l.startsWith("CASE\t")).toList())
        .as("nothing printed but the answers: no stack traces (POI's included)").isEmpty();
  }
}

package org.emrkit.render.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * emrkit.d.ts compiles and types a host's page: the TypeScript compiler of the Debian package
 * {@code node-typescript} ({@code .ci/run} installs it and sets
 * {@code EMRKIT_TYPESCRIPT_REQUIRED=true}; elsewhere, without it, this is skipped) checks
 * host.ts, written as a host would, and refuses misuse.ts.
 */
class TypeDeclarationsTest {
  private static final Path TSC = Path.of("/usr/bin/tsc");

  private static Result compile(String file) throws Exception {
    return tsc(file, "--noEmit", "--strict", "--lib", "es2017,dom", "--module", "esnext", file,
        "emrkit.d.ts");
  }

  /** Runs tsc in target/typescript, with the declarations and the test's file there. */
  private static Result tsc(String file, String... args) throws Exception {
    boolean installed = Files.isExecutable(TSC);
    if ("true".equals(System.getenv("EMRKIT_TYPESCRIPT_REQUIRED"))) {
      assertThat(installed).as("tsc (node-typescript, required by .ci/run)").isTrue();
    }
    assumeTrue(installed, "tsc (node-typescript) is not installed");
    Path dir = Path.of("target", "typescript");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("emrkit.d.ts"), HtmlRenderer.typeDeclarations(),
        StandardCharsets.UTF_8);
    var in = file.equals("emrkit.js") ? HtmlRenderer.class.getResourceAsStream("emrkit.js")
        : TypeDeclarationsTest.class.getResourceAsStream("/typescript/" + file);
    try (in) {
      Files.write(dir.resolve(file), in.readAllBytes());
    }
    List<String> command = new java.util.ArrayList<>(List.of(TSC.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("tsc finished").isTrue();
    return new Result(p.exitValue(), out);
  }

  private record Result(int exit, String output) {}

  @Test
  void aHostPageWrittenInTypeScriptCompiles() throws Exception {
    Result r = compile("host.ts");
    assertThat(r.output()).isEmpty();
    assertThat(r.exit()).isZero();
  }

  @Test
  void theScriptNamesNothingItDoesNotDeclare() throws Exception {
    // a name used and declared nowhere is a ReferenceError when that line runs (a mouse pick
    // of a coded field's match once failed so), unless the host page happens to have a global
    // of that name; tsc checking the script as JavaScript says so (its type complaints aside).
    // Not caught: a name the DOM declares as a global itself (event, name, status, close)
    Result r = tsc("emrkit.js", "--noEmit", "--allowJs", "--checkJs", "--lib", "es2017,dom",
        "--target", "es2017", "emrkit.js");
    assertThat(r.output().lines().filter(l -> l.matches(".*error TS(2304|2552):.*")))
        .as("Cannot find name").isEmpty();
  }

  @Test
  void misuseIsRefusedByTheCompiler() throws Exception {
    Result r = compile("misuse.ts");
    assertThat(r.exit()).isNotZero();
    assertThat(r.output()).contains("misuse.ts(2,7): error TS2322", "\"saved\"");
  }
}

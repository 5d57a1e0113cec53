package org.emrkit.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * Evaluating an expression starts no logging system: JEXL gets a quiet logger and its own
 * introspector, so commons-logging's discovery (which finds Log4j's API on a host's class path,
 * starts it and, without a provider, prints an ERROR line to the host's stderr) never runs. In a
 * fresh JVM, whose class loading is logged.
 */
class QuietLoggingTest {

  /** The forked JVM's work: one evaluation. */
  public static void main(String[] args) {
    Evaluation e = ExpressionEngine.create().evaluate("a + 2", n -> n.equals("a") ? 1 : null,
        Clock.systemUTC());
    System.out.println("value = " + e.value() + (e.failed() ? " " + e.error() : ""));
  }

  @Test
  void evaluatingStartsNoLoggingSystem() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "-Xlog:class+load=info", "-cp",
        System.getProperty("java.class.path"), QuietLoggingTest.class.getName())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out).contains("value = 3", "org.apache.commons.jexl3.JexlBuilder ")
        .doesNotContain("org.apache.commons.logging.LogFactory ", "org.apache.logging.log4j");
  }
}

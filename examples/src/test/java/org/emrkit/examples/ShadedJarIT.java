package org.emrkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's first command against the shaded jar in a fresh JVM: a missing dependency in
 * the shaded jar (which in-process tests cannot see) fails here.
 */
class ShadedJarIT {
  @TempDir Path dir;

  @Test
  void theDemoRunsFromTheShadedJarAndWritesReadablePdfs() throws Exception {
    Path jar = Path.of("target", "emrkit.jar").toAbsolutePath();
    assertThat(jar).exists();
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-jar", jar.toString(), "demo")
        .directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.log").toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String log = Files.readString(dir.resolve("out.log"), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(log).isZero();
    assertThat(log).contains(dir.resolve("emrkit-demo").toString());
    Path pdfs = dir.resolve("emrkit-demo").resolve("pdf");
    try (Stream<Path> files = Files.list(pdfs)) {
      var list = files.filter(f -> f.toString().endsWith(".pdf")).toList();
      assertThat(list).hasSizeGreaterThanOrEqualTo(6);
      for (Path f : list) {
        try (PDDocument doc = Loader.loadPDF(new File(f.toString()))) {
          assertThat(doc.getNumberOfPages()).as(f.toString()).isPositive();
        }
      }
    }
  }

  @Test
  void theLauncherKeepsTheClassesOfItsFirstRunAndStartsFromThemAfter() throws Exception {
    Path jar = dir.resolve("emrkit.jar");
    Files.copy(Path.of("target", "emrkit.jar"), jar);
    Path resources = Path.of("src", "main", "resources").toAbsolutePath();
    Path pdf = dir.resolve("a.pdf");
    Path classes = dir.resolve("classes.txt");
    for (int run = 1; run <= 2; run++) {
      String log = launch(0, "-Xlog:class+load:file=" + classes, jar, "render", "--template",
          resources.resolve("templates/admission.emr.md").toString(),
          resources.resolve("records/admission-record.json").toString(), "--to", "pdf", "-o",
          pdf.toString());
      // the JVM says nothing of the archive: the output is the command's alone
      assertThat(log.strip()).isEqualTo(pdf.toString());
      try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
        assertThat(doc.getNumberOfPages()).isEqualTo(2);
      }
      String loaded = Files.readString(classes);
      String renderer = "org.emrkit.render.pdf.PdfRenderer source: ";
      if (run == 1) {
        assertThat(loaded).contains(renderer + "file:").doesNotContain(renderer + "shared");
        try (Stream<Path> files = Files.list(dir)) {
          assertThat(files.filter(f -> f.toString().endsWith(".jsa"))).hasSize(1);
        }
      } else {
        assertThat(loaded).contains(renderer + "shared objects file");
      }
    }
  }

  @Test
  void theLauncherGivesOneRecordCommandsTheirStartUpFlagsAndArchivesOnlyARender()
      throws Exception {
    Path jar = dir.resolve("emrkit.jar");
    Files.copy(Path.of("target", "emrkit.jar"), jar);
    String thp;
    try {
      thp = Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
    } catch (java.io.IOException e) {
      thp = "";
    }
    boolean offered = thp.contains("[always]") || thp.contains("[madvise]");
    String version = launch(jar, "--version");
    assertThat(version).contains("emrkit ", "-XX:TieredStopAtLevel=1");
    // one compiler thread on two processors or fewer, as the launcher counts them
    Process nproc = new ProcessBuilder("nproc").start();
    int cpus = Integer.parseInt(new String(nproc.getInputStream().readAllBytes(),
        StandardCharsets.UTF_8).strip());
    if (cpus <= 2) {
      assertThat(version).containsPattern("-XX:CICompilerCount=1\\b");
    } else {
      assertThat(version).doesNotContainPattern("-XX:CICompilerCount=1\\b");
    }
    // a host's options that change the compilers are not met with one thread the JVM refuses
    assertThat(launch(0, "-XX:+PrintCommandLineFlags -XX:TieredStopAtLevel=4", jar,
        "--version")).contains("emrkit ").doesNotContainPattern("CICompilerCount=1\\b");
    if (offered) {
      assertThat(version).contains("-XX:+UseTransparentHugePages");
    } else {
      assertThat(version).doesNotContain("UseTransparentHugePages").doesNotContainIgnoringCase(
          "warning");
    }
    // a batch keeps the JVM's defaults
    assertThat(launch(jar, "batch", "--help")).contains("emrkit batch --records")
        .doesNotContain("TieredStopAtLevel", "UseTransparentHugePages");
    assertThat(launch(jar, "render", "--help")).contains("--to");
    // a render that fails is not kept either (a usage error stops before most classes load)
    assertThat(launch(2, jar, "render", "--template", "missing.emr.md", "missing.json", "--to",
        "pdf", "-o", dir.resolve("x.pdf").toString())).contains("missing");
    // none made an archive: one made by --version would hold a few hundred classes
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.filter(f -> f.toString().endsWith(".jsa"))).isEmpty();
    }
  }

  /** What {@code examples/emrkit ARGS} prints, with the JVM's flags first. */
  private String launch(Path jar, String... args) throws Exception {
    return launch(0, jar, args);
  }

  /** The same, for a command that exits with {@code code}. */
  private String launch(int code, Path jar, String... args) throws Exception {
    return launch(code, "-XX:+PrintCommandLineFlags", jar, args);
  }

  /** The same, with these {@code EMRKIT_JAVA_OPTS}. */
  private String launch(int code, String options, Path jar, String... args) throws Exception {
    java.util.List<String> command = new java.util.ArrayList<>();
    command.add(Path.of("emrkit").toAbsolutePath().toString());
    command.addAll(java.util.List.of(args));
    Path log = dir.resolve("launch.log");
    ProcessBuilder b = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    b.environment().put("EMRKIT_JAR", jar.toString());
    b.environment().put("JAVA_HOME", System.getProperty("java.home"));
    b.environment().put("EMRKIT_JAVA_OPTS", options);
    Process p = b.start();
    // a render that makes the archive takes longest
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isEqualTo(code);
    return out;
  }

  @Test
  void serveAnswersAndStopsCleanlyWhenTheProcessIsStopped() throws Exception {
    Path jar = Path.of("target", "emrkit.jar").toAbsolutePath();
    Path log = dir.resolve("serve.log");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-jar", jar.toString(), "serve", "--port", "0")
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    String url = null;
    for (int i = 0; i < 300 && url == null; i++) {
      Thread.sleep(100);
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("http://127\\.0\\.0\\.1:\\d+/")
          .matcher(Files.readString(log, StandardCharsets.UTF_8));
      url = m.find() ? m.group() : null;
    }
    assertThat(url).as(Files.readString(log, StandardCharsets.UTF_8)).isNotNull();
    try (var in = java.net.URI.create(url).toURL().openStream()) {
      // a stranger is sent to the log-in page
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("登录 log in",
          "autocomplete=\"current-password\"");
    }
    p.destroy(); // SIGTERM: the same shutdown path as Ctrl-C (SIGINT)
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("已停止 stopped");
  }
}

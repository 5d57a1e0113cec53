package org.emrkit.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile or broken input ends quickly, with diagnostics rather than a hang or a stack overflow. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PathologicalInputTest {

  private static final String FM = "---\nid: t\nversion: 1.0.0\ntitle: T\n---\n\n";
  private static final TemplateCompiler COMPILER = TemplateCompiler.builder().build();

  @Test
  void aHundredThousandNestedContainers() {
    String src = FM + "::: if a\n\n".repeat(100_000) + "x\n\n" + ":::\n\n".repeat(100_000);
    CompileResult r = COMPILER.compile(src, "t.emr.md");
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.diagnostics()).hasSize(101);
    assertThat(r.diagnostics().get(0).code()).isEqualTo("dsl/container-nesting");
  }

  @Test
  void aHundredThousandNestedContainersWithoutBlankLines() {
    String src = FM + "::: if a\n".repeat(100_000) + "x\n" + ":::\n".repeat(100_000);
    CompileResult r = COMPILER.compile(src, "t.emr.md");
    assertThat(r.report()).startsWith("t.emr.md:7:1: error dsl/too-large");
  }

  @Test
  void aTableAtTheRowLimitStillCompiles() {
    String src = FM + "|---|---|\n" + "| a | b |\n".repeat(10_000);
    CompileResult r = COMPILER.compile(src, "t.emr.md");
    assertThat(r.diagnostics()).isEmpty();
  }

  @Test
  void containersNestedDeeperThanTheLimit() {
    StringBuilder src = new StringBuilder(FM);
    int depth = 40;
    for (int i = 0; i < depth; i++) {
      src.append(":".repeat(3 + depth - i)).append(" if a\n");
    }
    src.append("x\n");
    for (int i = depth - 1; i >= 0; i--) {
      src.append(":".repeat(3 + depth - i)).append('\n');
    }
    CompileResult r = COMPILER.compile(src.toString(), "t.emr.md");
    assertThat(r.errors()).extracting(Diagnostic::code).contains("dsl/container-nesting");
  }

  @Test
  void aFiveMegabyteLine() {
    String line = "胸闷".repeat(1_250_000) + "a".repeat(2_500_000);
    CompileResult r = COMPILER.compile(FM + line + "\n", "t.emr.md");
    assertThat(r.report()).startsWith("t.emr.md:7:1: error dsl/too-large: 此行超过 100000 字符");
  }

  @Test
  void longLinesOfMarkupUpToTheLimitParseQuickly() {
    for (String unit : new String[] {"*", "{{", "[", "<", "_a", "^a", "~a", "\\", "<a", "*a* "}) {
      String line = unit.repeat(90_000 / unit.length());
      CompileResult r = COMPILER.compile(FM + line + "\n", "t.emr.md");
      assertThat(r.diagnostics()).as(unit).allMatch(d -> !d.code().equals("dsl/too-complex"));
    }
  }

  @Test
  void tooManyCharacterReferences() {
    String src = FM + ("&amp;".repeat(1_000) + "\n\n").repeat(11);
    CompileResult r = COMPILER.compile(src, "t.emr.md");
    assertThat(r.report()).startsWith("t.emr.md:27:1: error dsl/too-large");
  }

  @Test
  void aTenThousandColumnTable() {
    String src = FM + "|" + " a |".repeat(10_000) + "\n|" + "---|".repeat(10_000) + "\n|"
        + " b |".repeat(10_000) + "\n";
    CompileResult r = COMPILER.compile(src, "t.emr.md");
    assertThat(r.report()).startsWith("t.emr.md:7:1: error dsl/too-large: 此行有 10001 个 |");
  }

  @Test
  void aFiveHundredColumnTableIsParsedAndRefusedByTheColumnLimit() {
    String src = FM + "|" + " a |".repeat(500) + "\n|" + "---|".repeat(500) + "\n";
    CompileResult r = COMPILER.compile(src, "t.emr.md");
    assertThat(r.errors()).extracting(Diagnostic::code).containsExactly("dsl/table-too-large");
  }

  @Test
  void anUnterminatedField() {
    CompileResult r = COMPILER.compile(FM + "主诉：{{chiefComplaint: text required\n\n后文\n",
        "t.emr.md");
    assertThat(r.report()).startsWith("t.emr.md:7:4: error dsl/unterminated-field");
  }

  @Test
  void deeplyNestedBlockQuotesAndLists() {
    String src = FM + ">".repeat(10_000) + " x\n\n" + "- ".repeat(2_000) + "y\n";
    CompileResult r = COMPILER.compile(src, "t.emr.md");
    assertThat(r.diagnostics()).isNotEmpty();
  }

  @Test
  void sourceOverTheSizeLimitIsRefusedUpFront() {
    CompileResult r = COMPILER.compile("x".repeat(TemplateCompiler.MAX_SOURCE_CHARS + 1),
        "t.emr.md");
    assertThat(r.report()).isEqualTo("t.emr.md:1:1: error dsl/too-large: 模板文件过大(上限 "
        + TemplateCompiler.MAX_SOURCE_CHARS + " 字符)(template file too large (limit "
        + TemplateCompiler.MAX_SOURCE_CHARS + " characters))");
  }

  @Test
  void anExpressionOverTheLengthLimitIsADiagnosticNotAnException() {
    String expr = "a" + " + a".repeat(3_000);
    for (String src : List.of(
        FM + "{{a: integer}} {{x: calc expr=\"" + expr + "\"}}\n",
        FM + "## 节 {when=\"" + expr + " > 1\"}\n\n{{a: integer}}\n",
        FM + "{{a: integer}}\n\n::: if " + expr + " > 1\n\n文字\n\n:::\n")) {
      CompileResult r = COMPILER.compile(src, "t.emr.md");
      assertThat(r.hasErrors()).as(src.substring(0, 80)).isTrue();
      assertThat(r.report()).as(src.substring(0, 80)).contains("expression too long (120",
          "split it into several calc fields");
    }
  }

  @Test
  void aDirectoryAMissingFileAndAnEndlessDeviceAreDiagnostics(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    assertThat(COMPILER.compile(dir).report()).contains("dsl/unreadable", "is a directory");
    assertThat(COMPILER.compile(dir.resolve("none.emr.md")).report()).contains("dsl/unreadable",
        "no such file");
    java.nio.file.Path zero = java.nio.file.Path.of("/dev/zero");
    if (java.nio.file.Files.isReadable(zero)) {
      // no size to check up front: read no further than the limit
      assertThat(COMPILER.compile(zero).report()).contains("dsl/too-large");
    }
  }

  @Test
  void aListIndentedTwoThousandLevelsDeepIsRefusedBeforeFlexmarkReadsIt() {
    StringBuilder b = new StringBuilder(FM);
    for (int i = 0; i < 2_000; i++) {
      b.append("  ".repeat(i)).append("- 第").append(i).append("层\n");
    }
    CompileResult r = COMPILER.compile(b.toString(), "t.emr.md");
    assertThat(r.report()).startsWith("t.emr.md:108:1: error dsl/too-large: 此行缩进 202 列");
  }
}

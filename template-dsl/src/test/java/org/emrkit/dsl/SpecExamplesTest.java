package org.emrkit.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the examples of docs/template-dsl.md (commonmark spec.txt style): source, model dump,
 * diagnostics. With {@code -Demrkit.spec.update=true} it rewrites the expected parts from the
 * compiler's output instead, for review in the diff before committing.
 */
class SpecExamplesTest {

  static final Path SPEC = Path.of("..", "docs", "template-dsl.md");
  static final String FENCE = "````````````````````````````````";
  static final String PREFIX = "---\nid: example\nversion: 1.0.0\ntitle: 示例\n---\n";
  static final int PREFIX_LINES = 5;

  record Example(int line, String source, String dump, String diagnostics) {}

  static List<Example> examples(List<String> lines) {
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).equals(FENCE + " example")) {
        continue;
      }
      int start = i + 1;
      List<List<String>> parts = new ArrayList<>(List.of(new ArrayList<>()));
      int j = start;
      for (; !lines.get(j).equals(FENCE); j++) {
        if (lines.get(j).equals(".")) {
          parts.add(new ArrayList<>());
        } else {
          parts.get(parts.size() - 1).add(lines.get(j));
        }
      }
      if (parts.size() != 3) {
        throw new IllegalStateException("example at line " + (i + 1) + " needs three parts");
      }
      out.add(new Example(i + 1, join(parts.get(0)), join(parts.get(1)), join(parts.get(2))));
      i = j;
    }
    return out;
  }

  private static String join(List<String> lines) {
    return lines.stream().map(l -> l + "\n").collect(Collectors.joining());
  }

  static String[] actual(Example e) {
    boolean own = e.source().startsWith("---\n");
    String source = own ? e.source() : PREFIX + e.source();
    int shift = own ? 0 : PREFIX_LINES;
    CompileResult r = TemplateCompiler.builder().build().compile(source, "example.emr.md");
    String dump = r.get().map(TemplateDump::dump).orElse("");
    String diagnostics = r.diagnostics().stream()
        .map(d -> (d.line() - shift) + ":" + d.column() + " " + d.severity().label() + " " + d.code()
            + "\n").collect(Collectors.joining());
    return new String[] {dump, diagnostics};
  }

  @TestFactory
  Stream<DynamicTest> specExamples() throws IOException {
    List<Example> examples = examples(Files.readAllLines(SPEC));
    assertThat(examples).hasSizeGreaterThan(15);
    return examples.stream().map(e -> DynamicTest.dynamicTest("example at line " + e.line(), () -> {
      String[] a = actual(e);
      assertThat(a[0]).as("model dump of the example at docs/template-dsl.md:%d", e.line())
          .isEqualTo(e.dump());
      assertThat(a[1]).as("diagnostics of the example at docs/template-dsl.md:%d", e.line())
          .isEqualTo(e.diagnostics());
    }));
  }

  @Test
  void updateWhenAsked() throws IOException {
    if (!Boolean.getBoolean("emrkit.spec.update")) {
      return;
    }
    List<String> lines = Files.readAllLines(SPEC);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      out.add(lines.get(i));
      if (!lines.get(i).equals(FENCE + " example")) {
        continue;
      }
      List<String> source = new ArrayList<>();
      int j = i + 1;
      for (; !lines.get(j).equals("."); j++) {
        source.add(lines.get(j));
      }
      while (!lines.get(j).equals(FENCE)) {
        j++;
      }
      String[] a = actual(new Example(i + 1, join(source), "", ""));
      out.addAll(source);
      out.add(".");
      a[0].lines().forEach(out::add);
      out.add(".");
      a[1].lines().forEach(out::add);
      out.add(FENCE);
      i = j;
    }
    Files.writeString(SPEC, String.join("\n", out) + "\n");
  }
}

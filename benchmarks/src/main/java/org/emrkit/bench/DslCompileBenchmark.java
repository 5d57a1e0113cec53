package org.emrkit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.emrkit.dsl.TemplateCompiler;
import org.emrkit.dsl.TemplateDecompiler;
import org.emrkit.template.Template;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compile time of EMR Markdown: the bundled 入院记录 (about 60 fields, merged and nested tables)
 * and a generated template of 500 fields in 50 sections, plus decompiling the admission template.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar DslCompile}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DslCompileBenchmark {

  private TemplateCompiler compiler;
  private String admission;
  private String generated;
  private Template admissionTemplate;

  /** Loads the admission template and generates the 500-field one. */
  @Setup
  public void setup() throws IOException {
    compiler = TemplateCompiler.builder().build();
    try (InputStream in = DslCompileBenchmark.class.getResourceAsStream(
        "/templates/admission.emr.md")) {
      admission = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    generated = generated(50, 10);
    admissionTemplate = compiler.compile(admission, "admission.emr.md").orElseThrow();
    if (compiler.compile(generated, "generated.emr.md").orElseThrow().scope().fields().size()
        != 500) {
      throw new IllegalStateException("the generated template should have 500 fields");
    }
  }

  /** A template of {@code sections} sections with {@code perSection} fields each. */
  static String generated(int sections, int perSection) {
    String[] types = {"text maxLength=50", "integer min=0 max=300 unit=mmHg",
        "decimal precision=1 unit=\"℃\"", "date", "choice options=\"是|否|不详\"",
        "richtext minLength=10", "boolean label=\"已完成\"", "coded system=ICD-10",
        "datetime required", "multichoice options=\"甲|乙|丙\""};
    StringBuilder sb = new StringBuilder("---\nid: generated\nversion: 1.0.0\ntitle: 生成模板\n---\n\n");
    int n = 0;
    for (int s = 0; s < sections; s++) {
      sb.append("## 第").append(s + 1).append("部分 {#part-").append(s).append("}\n\n");
      for (int f = 0; f < perSection; f++) {
        sb.append("项目").append(n).append("：{{f").append(n).append(": ")
            .append(types[f % types.length]).append("}}\n\n");
        n++;
      }
    }
    return sb.toString();
  }

  /** Compiles the bundled admission record template. */
  @Benchmark
  public Template compileAdmission() {
    return compiler.compile(admission, "admission.emr.md").orElseThrow();
  }

  /** Compiles the generated 500-field template. */
  @Benchmark
  public Template compileGenerated500Fields() {
    return compiler.compile(generated, "generated.emr.md").orElseThrow();
  }

  /** Writes the admission template back to EMR Markdown. */
  @Benchmark
  public String decompileAdmission() {
    return TemplateDecompiler.decompile(admissionTemplate);
  }
}

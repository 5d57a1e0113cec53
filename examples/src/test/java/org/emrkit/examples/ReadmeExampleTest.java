package org.emrkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.emrkit.dsl.TemplateCompiler;
import org.emrkit.record.Context;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.render.pdf.PdfRenderer;
import org.emrkit.template.Template;
import org.emrkit.validation.ValidationReport;
import org.emrkit.validation.Validator;
import org.emrkit.validation.rules.FieldRules;
import org.emrkit.validation.rules.WritingStandardRules;
import org.junit.jupiter.api.Test;

/** The README's embedding example, run as a test; a second test keeps the README in step. */
class ReadmeExampleTest {

  @Test
  void readmeExample() throws IOException {
    ByteArrayOutputStream pdfOut = new ByteArrayOutputStream();
    // --- README example start
    Template template = TemplateCompiler.builder().build().compile("""
        ---
        id: chief-complaint
        version: 1.0.0
        title: 主诉记录
        documentType: admission-record
        ---
        ## 主诉 {required de=DE04.01.119.00}

        {{chiefComplaint: text required maxLength=40}}　体温 {{temp: decimal unit="℃" max=43}}
        """, "example.emr.md").orElseThrow();        // diagnostics carry file:line:column

    Record record = Record.draft("R-1", template, Context.EMPTY).withValues(Values.of(Map.of(
        "chiefComplaint", new Value.Str("反复胸闷3天"),
        "temp", new Value.Num(new java.math.BigDecimal("36.8")))));

    ValidationReport report = Validator.builder()
        .pack(FieldRules.pack()).pack(WritingStandardRules.pack()).build()
        .validate(template, record);                    // findings, score, 甲/乙/丙
    System.out.println(report.toText());

    PdfRenderer.builder().build().render(template, record, pdfOut);  // Noto Sans SC embedded
    // --- README example end
    assertThat(report.withCode("cn/required-item")).isNotEmpty(); // an admission record needs more
    assertThat(report.withCode("field/required")).isEmpty();
    assertThat(pdfOut.toByteArray()).startsWith("%PDF-".getBytes());
  }

  @Test
  void readmeShowsThisExample() throws IOException {
    String test = Files.readString(Path.of("src/test/java/org/emrkit/examples/ReadmeExampleTest.java"));
    String example = test.substring(test.indexOf("// --- README example start") + 28,
        test.indexOf("    // --- README example end"));
    String unindented = example.lines().map(l -> l.startsWith("    ") ? l.substring(4) : l)
        .reduce("", (a, b) -> a + b + "\n");
    assertThat(Files.readString(Path.of("../README.md"))).contains(unindented.strip());
  }
}

package org.emrkit.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emrkit.dsl.CompileResult;
import org.emrkit.dsl.TemplateCompiler;
import org.emrkit.json.ReportJson;
import org.emrkit.json.TemplateJson;
import org.emrkit.record.Record;
import org.emrkit.render.html.HtmlMode;
import org.emrkit.render.html.HtmlRenderer;
import org.emrkit.render.pdf.PdfRenderer;
import org.emrkit.template.Template;
import org.emrkit.validation.ValidationReport;
import org.emrkit.validation.Validator;
import org.emrkit.validation.rules.FieldRules;
import org.emrkit.validation.rules.WritingStandardRules;

/**
 * The main job on the bundled examples: compile every template, validate every record (clean
 * ones and ones with typical defects), render each to HTML (view and edit form) and PDF, and
 * print what was written with each record's grade.
 */
final class Demo {

  private final PrintStream out;
  private final java.time.Clock clock;

  Demo(PrintStream out, java.time.Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  int run(Path dir) {
    long start = System.nanoTime();
    List<Template> templates = new ArrayList<>();
    TemplateCompiler compiler = TemplateCompiler.builder().build();
    for (String name : resource("/templates/index.txt").strip().split("\n")) {
      CompileResult r = compiler.compile(resource("/templates/" + name), name);
      if (r.hasErrors()) {
        out.println(r.report());
        throw new UsageException("bundled template " + name + " does not compile");
      }
      Template t = r.orElseThrow();
      templates.add(t);
      Cli.write(dir.resolve("templates").resolve(t.id() + ".json"), TemplateJson.create().write(t));
      Cli.write(dir.resolve("templates").resolve(name), resource("/templates/" + name));
    }
    out.println("模板 templates: " + templates.size() + " compiled → " + dir.resolve("templates"));
    Validator validator = Validator.builder().pack(FieldRules.pack())
        .pack(WritingStandardRules.pack()).clock(clock).build();
    HtmlRenderer view = HtmlRenderer.builder().fullPage(true).clock(clock).build();
    HtmlRenderer edit = HtmlRenderer.builder().fullPage(true).mode(HtmlMode.EDIT).clock(clock)
        .build();
    PdfRenderer pdf = PdfRenderer.builder().printedBy("EMRKit demo").endMark(true).clock(clock)
        .build();
    List<String> files = new ArrayList<>();
    for (String line : resource("/records/index.json").split("\n")) {
      int f = line.indexOf("\"file\": \"");
      if (f >= 0) {
        files.add(line.substring(f + 9, line.indexOf('"', f + 9)));
      }
    }
    List<String[]> rows = new ArrayList<>();
    int n = 0;
    for (String file : files) {
      n++;
      out.print("\r处理病历 processing records " + n + "/" + files.size() + " " + file + "        ");
      out.flush();
      String name = file.replace(".json", "");
      Path src = dir.resolve("records").resolve(file);
      Cli.write(src, resource("/records/" + file));
      Record record = Inputs.record(src, templates, out);
      Template t = Inputs.templateOf(record, templates);
      ValidationReport report = validator.validate(t, record);
      Cli.write(dir.resolve("reports").resolve(name + ".txt"), report.toText());
      Cli.write(dir.resolve("reports").resolve(name + ".json"), ReportJson.write(report));
      Cli.write(dir.resolve("html").resolve(name + ".html"), view.render(t, record));
      Cli.write(dir.resolve("html").resolve(name + ".edit.html"), edit.render(t, record));
      Path pdfFile = dir.resolve("pdf").resolve(name + ".pdf");
      try {
        Files.createDirectories(pdfFile.getParent());
        try (OutputStream s = Files.newOutputStream(pdfFile)) {
          pdf.render(t, record, s);
        }
      } catch (IOException e) {
        throw new UsageException("cannot write " + pdfFile + ": " + e.getMessage());
      }
      rows.add(new String[] {file, t.title(), report.score().toPlainString(),
          report.grade().label(), String.valueOf(report.findings().size())});
    }
    out.print("\r" + " ".repeat(80) + "\r");
    out.println();
    out.printf("%-42s %-10s %6s %4s %8s%n", "病历 record", "类型 type", "评分", "等级", "问题数");
    for (String[] r : rows) {
      out.printf("%-42s %-10s %6s %4s %8s%n", r[0], r[1], r[2], r[3], r[4]);
    }
    out.println();
    out.println("写入 written to " + dir.toAbsolutePath().normalize() + ":");
    out.println("  templates/  compiled template JSON (and the .emr.md sources)");
    out.println("  records/    the record JSON");
    out.println("  reports/    validation reports (.txt, .json)");
    out.println("  html/       print views (.html) and edit forms (.edit.html)");
    out.println("  pdf/        PDF files");
    out.printf("用时 done in %.1f s%n", (System.nanoTime() - start) / 1e9);
    return 0;
  }

  private static String resource(String name) {
    try (InputStream in = Demo.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new UsageException("bundled resource missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read bundled " + name + ": " + e.getMessage());
    }
  }
}

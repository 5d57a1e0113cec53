package org.emrkit.batch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.emrkit.dsl.CompileResult;
import org.emrkit.dsl.TemplateCompiler;
import org.emrkit.json.TemplateJson;
import org.emrkit.json.TemplateResolver;
import org.emrkit.template.Template;

/**
 * The templates of a run, read once per worker from the templates directory: EMR Markdown
 * ({@code *.emr.md}) compiled, template JSON read. A template with errors stops the run before
 * any record is processed (its file and the first problem named): records of a template that
 * does not compile could only be dead letters.
 */
final class Templates {

  private static final int MAX_BYTES = 4 * 1024 * 1024;

  private Templates() {}

  static List<Template> load(String dir) {
    Files2.requireDirectory(dir);
    List<Template> out = new ArrayList<>();
    java.util.Map<String, Template> byFile = new java.util.LinkedHashMap<>();
    TemplateCompiler compiler = TemplateCompiler.builder().build();
    for (String file : Files2.list(Files2.join(dir, "*"))) {
      int before = out.size();
      String text = Files2.read(file, MAX_BYTES).map(b -> new String(b, StandardCharsets.UTF_8))
          .orElseThrow();
      if (file.endsWith(".emr.md")) {
        CompileResult r = compiler.compile(text, file);
        if (r.hasErrors()) {
          throw new IllegalArgumentException("template " + file + " does not compile: "
              + r.diagnostics().stream().filter(d -> d.severity() == org.emrkit.problem.Severity.ERROR)
              .findFirst().orElseThrow());
        }
        out.add(r.orElseThrow());
      } else if (file.endsWith(".json")) {
        var r = TemplateJson.create().read(text);
        if (!r.isOk()) {
          throw new IllegalArgumentException("template " + file + ": " + r.errors().get(0));
        }
        out.add(r.orElseThrow());
      }
      if (out.size() > before) {
        byFile.put(file, out.get(out.size() - 1));
        // the first listed was used
        TemplateResolver.clash(byFile).ifPresent(c -> {
          throw new IllegalArgumentException("templates " + c
              + ": keep one (a changed template takes a new version)");
        });
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no templates (*.emr.md, *.json) in " + dir);
    }
    return out;
  }

  static TemplateResolver resolver(List<Template> templates) {
    return TemplateResolver.of(templates.toArray(Template[]::new));
  }
}

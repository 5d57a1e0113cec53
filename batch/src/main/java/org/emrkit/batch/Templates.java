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
    java.util.Map<String, String> files = new java.util.HashMap<>();
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
        same(out, files, file);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no templates (*.emr.md, *.json) in " + dir);
    }
    return out;
  }

  /**
   * Refuses a template just read whose id and version an earlier one of the directory has with
   * other content: a record names its template by both, and which of the two it meant is
   * unknown (the first listed was used). The same template twice (its source and its compiled
   * JSON) is one.
   */
  private static void same(List<Template> out, java.util.Map<String, String> files, String file) {
    Template t = out.get(out.size() - 1);
    String key = t.id() + "@" + t.version();
    String first = files.putIfAbsent(key, file);
    if (first == null) {
      return;
    }
    for (Template earlier : out.subList(0, out.size() - 1)) {
      if (earlier.id().equals(t.id()) && earlier.version().equals(t.version())
          && !earlier.equals(t)) {
        throw new IllegalArgumentException("templates " + first + " and " + file + " are both "
            + key + ": keep one (a changed template takes a new version)");
      }
    }
  }

  static TemplateResolver resolver(List<Template> templates) {
    return TemplateResolver.of(templates.toArray(Template[]::new));
  }
}

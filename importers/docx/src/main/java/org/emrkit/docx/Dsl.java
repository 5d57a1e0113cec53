package org.emrkit.docx;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.emrkit.dsl.CompileResult;
import org.emrkit.dsl.Diagnostic;
import org.emrkit.dsl.Fragments;
import org.emrkit.dsl.TemplateCompiler;
import org.emrkit.template.Expression;
import org.emrkit.template.Field;
import org.emrkit.template.Section;
import org.emrkit.template.Template;

/**
 * The EMR Markdown a Word form carries, read with the DSL's own readers: the preamble (front
 * matter, heading, value sets) compiled once as the template's header, and the pieces — a field
 * spec from a content-control tag or a literal {@code {{...}}}, a section heading, a repeat or if
 * container header, a table caption — read as fragments. The DSL stays the one definition of what
 * they mean; a piece that does not read is a {@link Failure} with the DSL's message.
 */
final class Dsl {

  /** A piece that does not read. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final String zh;
    final String en;

    Failure(String zh, String en) {
      super(en);
      this.zh = zh;
      this.en = en;
    }

    static Failure of(List<Diagnostic> diagnostics, String zh, String en) {
      Diagnostic d = diagnostics.stream().filter(Diagnostic::isError).findFirst().orElse(null);
      return d == null ? new Failure(zh, en) : new Failure(d.message().zh(), d.message().en());
    }
  }

  private final TemplateCompiler compiler = TemplateCompiler.builder().maxDiagnostics(5).build();
  private String preamble;
  private final Set<String> valueSets = new LinkedHashSet<>();
  private Fragments fragments;
  private Template header;

  Dsl(String preamble) {
    this.preamble = preamble.endsWith("\n") ? preamble : preamble + "\n";
  }

  /** Adds a value set (EMR Markdown) the form's fields may name. */
  void define(String id, String markdown) {
    preamble = preamble + "\n" + markdown + "\n";
    valueSets.add(id);
    header = null;
    fragments = null;
  }

  /** The preamble compiled alone: front matter, heading, value sets. */
  Template header() throws Failure {
    if (header == null) {
      CompileResult r = compiler.compile(preamble, "document properties");
      if (r.hasErrors()) {
        Diagnostic d = r.errors().get(0);
        throw new Failure(d.message().zh(), d.message().en());
      }
      header = r.orElseThrow();
      header.valueSets().forEach(vs -> valueSets.add(vs.id()));
    }
    return header;
  }

  private Fragments fragments() throws Failure {
    if (fragments == null) {
      header();
      fragments = Fragments.withValueSets(valueSets);
    }
    return fragments;
  }

  Field field(String spec) throws Failure {
    Fragments.Result<Field> r = fragments().field(spec);
    if (!r.ok()) {
      throw Failure.of(r.diagnostics(), "不是字段：{{" + spec + "}}",
          "not a field: {{" + spec + "}}");
    }
    return r.value();
  }

  /** A section (with no content yet) from its heading line. */
  Section section(String heading) throws Failure {
    Fragments.Result<Fragments.Heading> r = fragments().heading(heading);
    if (!r.ok()) {
      throw Failure.of(r.diagnostics(), "不是章节标题：" + heading,
          "not a section heading: " + heading);
    }
    Fragments.Heading h = r.value();
    return new Section(h.id(), h.title(), h.required(), h.dataElement(), h.code(), h.when(),
        List.of(), false, h.newPage());
  }

  /** A run-in heading's tag, {@code **主诉：**{#cc required}}, as a section without content. */
  Section runIn(String tag) throws Failure {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\*\\*(.+?)[：:]?\\*\\*\\{(.*)}")
        .matcher(tag);
    if (!m.matches()) {
      throw Failure.of(List.of(), "不是行内标题：" + tag, "not a run-in heading: " + tag);
    }
    String attributes = m.group(2).isBlank() ? "" : " {" + m.group(2) + "}";
    return section("## " + m.group(1) + attributes);
  }

  Fragments.Repeat repeat(String header) throws Failure {
    Fragments.Result<Fragments.Repeat> r = fragments().repeat(header);
    if (!r.ok()) {
      throw Failure.of(r.diagnostics(), "不是重复组：" + header,
          "not a repeat group header: " + header);
    }
    return r.value();
  }

  Expression condition(String header) throws Failure {
    Fragments.Result<Expression> r = fragments().condition(header);
    if (!r.ok()) {
      throw Failure.of(r.diagnostics(), "不是条件块：" + header,
          "not an if container header: " + header);
    }
    return r.value();
  }

  Fragments.TableAttributes tableAttributes(String line) throws Failure {
    Fragments.Result<Fragments.TableAttributes> r = fragments().table(line);
    if (!r.ok()) {
      throw Failure.of(r.diagnostics(), "不是表格属性：" + line,
          "not a table attribute line: " + line);
    }
    return r.value();
  }
}

package org.emrkit.docx;

import java.util.List;
import org.emrkit.dsl.CompileResult;
import org.emrkit.dsl.Diagnostic;
import org.emrkit.dsl.TemplateCompiler;
import org.emrkit.template.Block;
import org.emrkit.template.Conditional;
import org.emrkit.template.Field;
import org.emrkit.template.Inline;
import org.emrkit.template.Paragraph;
import org.emrkit.template.RepeatGroup;
import org.emrkit.template.Section;
import org.emrkit.template.Table;
import org.emrkit.template.Template;

/**
 * EMR Markdown fragments compiled one at a time: a field spec from a content-control tag or a
 * literal {@code {{...}}}, a section heading, a repeat or if container header, a table attribute
 * line. The DSL stays the one definition of what these mean; a fragment that does not compile is
 * a {@link Failure} with the compiler's message.
 */
final class Dsl {

  /** A fragment that does not compile. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final String zh;
    final String en;

    Failure(String zh, String en) {
      super(en);
      this.zh = zh;
      this.en = en;
    }
  }

  private final TemplateCompiler compiler = TemplateCompiler.builder().maxDiagnostics(5).build();
  private String preamble;

  Dsl(String preamble) {
    this.preamble = preamble.endsWith("\n") ? preamble : preamble + "\n";
  }

  /** Adds EMR Markdown (e.g. a value set) to what every later fragment is compiled after. */
  void define(String markdown) {
    preamble = preamble + "\n" + markdown + "\n";
  }

  /** The preamble compiled alone: front matter, heading, value sets. */
  Template header() throws Failure {
    return compile("");
  }

  Field field(String spec) throws Failure {
    for (Block b : compile("{{" + spec + "}}\n").blocks()) {
      if (b instanceof Paragraph p) {
        for (Inline i : p.inlines()) {
          if (i instanceof Field f) {
            return f;
          }
        }
      }
    }
    throw new Failure("不是字段：{{" + spec + "}}", "not a field: {{" + spec + "}}");
  }

  /** A section from its heading line; a subsection ({@code ###}) is compiled inside parents. */
  Section section(String heading) throws Failure {
    int level = 0;
    while (level < heading.length() && heading.charAt(level) == '#') {
      level++;
    }
    StringBuilder source = new StringBuilder();
    for (int l = 2; l < level; l++) {
      source.append("#".repeat(l)).append(" p").append(l).append("\n\n");
    }
    List<Block> blocks = compile(source + heading + "\n\nx\n").blocks();
    Block b = blocks.size() == 1 ? blocks.get(0) : null;
    for (int l = 2; l < level && b instanceof Section s && !s.children().isEmpty(); l++) {
      b = s.children().get(s.children().size() - 1);
    }
    if (level >= 2 && b instanceof Section s) {
      return s;
    }
    throw new Failure("不是章节标题：" + heading, "not a section heading: " + heading);
  }

  RepeatGroup repeat(String header) throws Failure {
    List<Block> blocks = compile("::: " + header + "\nx\n:::\n").blocks();
    if (blocks.size() == 1 && blocks.get(0) instanceof RepeatGroup g) {
      return g;
    }
    throw new Failure("不是重复组：" + header, "not a repeat group header: " + header);
  }

  Conditional conditional(String header) throws Failure {
    List<Block> blocks = compile("::: " + header + "\nx\n:::\n").blocks();
    if (blocks.size() == 1 && blocks.get(0) instanceof Conditional c) {
      return c;
    }
    throw new Failure("不是条件块：" + header, "not an if container header: " + header);
  }

  /** A table of {@code rows} x {@code columns} empty cells with these attributes. */
  Table tableAttributes(String line, int rows, int columns) throws Failure {
    StringBuilder sb = new StringBuilder("|" + "---|".repeat(columns) + "\n");
    for (int r = 0; r < rows; r++) {
      sb.append("|").append(" x |".repeat(columns)).append('\n');
    }
    List<Block> blocks = compile(sb + line + "\n").blocks();
    if (blocks.size() == 1 && blocks.get(0) instanceof Table t) {
      return t;
    }
    throw new Failure("不是表格属性：" + line, "not a table attribute line: " + line);
  }

  private Template compile(String fragment) throws Failure {
    CompileResult r = compiler.compile(preamble + "\n" + fragment, "fragment.emr.md");
    if (r.hasErrors()) {
      Diagnostic d = r.errors().get(0);
      throw new Failure(d.message().zh(), d.message().en());
    }
    return r.orElseThrow();
  }
}

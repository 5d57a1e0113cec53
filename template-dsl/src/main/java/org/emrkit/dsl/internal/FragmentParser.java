package org.emrkit.dsl.internal;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.emrkit.dsl.Diagnostic;
import org.emrkit.expr.ExpressionEngine;
import org.emrkit.template.Expression;
import org.emrkit.template.Field;
import org.emrkit.template.SectionBuilder;

/**
 * Reads one piece of EMR Markdown on its own — a field's {@code {{...}}} inside, a heading, a
 * repeat or if container header, a table attribute line — with the same readers a compiled
 * template uses. For {@link org.emrkit.dsl.Fragments}; not an API.
 */
public final class FragmentParser {

  /** What was read, or the diagnostics when it could not be (positions within the fragment). */
  public record Read<T>(T value, List<Diagnostic> diagnostics) {}

  /** A heading: level (2 and up), the section's id (given or derived), title and attributes. */
  public record Heading(int level, String id, String title, boolean required,
      String dataElement, String code, Expression when, boolean newPage) {}

  /** A repeat container's header. */
  public record Repeat(String id, String label, int min, Integer max) {}

  /** A table attribute line. */
  public record TableAttributes(String id, List<Double> widths, boolean repeat, int minRows,
      Integer maxRows, org.emrkit.template.TableStyle style) {}

  private static final int MAX_DIAGNOSTICS = 5;

  private final Set<String> valueSets;
  private final ExpressionEngine expressions = ExpressionEngine.create();

  public FragmentParser(Set<String> valueSets) {
    this.valueSets = Set.copyOf(valueSets);
  }

  private static Problems problems(String text) {
    return new Problems(new Source("fragment", text), MAX_DIAGNOSTICS);
  }

  public Read<Field> field(String spec) {
    String text = "{{" + spec + "}}";
    Problems p = problems(text);
    FieldParser fields = new FieldParser(p, expressions, valueSets, new HashSet<>());
    FieldParser.Parsed parsed = fields.parse(new FieldNode(BasedSequence.of(text), true, -1));
    if (parsed instanceof FieldParser.FieldRef f && !p.hasErrors()) {
      return new Read<>(f.field(), p.list());
    }
    if (parsed != null && !p.hasErrors()) {
      p.error(0, "dsl/bad-field", "不是字段：" + text, "not a field: " + text);
    }
    return new Read<>(null, p.list());
  }

  public Read<Heading> heading(String line) {
    Problems p = problems(line);
    int level = 0;
    while (level < line.length() && line.charAt(level) == '#') {
      level++;
    }
    if (level < 2 || level > 6 || level == line.length() || line.charAt(level) != ' ') {
      p.error(0, "dsl/heading-level", "章节标题应以 ## 至 ###### 开头",
          "a section heading starts with ## to ######");
      return new Read<>(null, p.list());
    }
    BasedSequence text = BasedSequence.of(line).subSequence(level + 1);
    int brace = attributeStart(text.toString());
    String title = (brace < 0 ? text : text.subSequence(0, brace)).trim().unescape();
    if (title.isBlank()) {
      p.error(0, "dsl/heading-level", "标题没有文字", "the heading has no text");
      return new Read<>(null, p.list());
    }
    Heads.SectionHead h = new Heads.SectionHead();
    if (brace >= 0 && !Heads.section(text.subSequence(brace + 1, text.length() - 1), h, p,
        expressions)) {
      return new Read<>(null, p.list());
    }
    String id = h.id != null ? h.id : SectionBuilder.deriveId(title);
    return new Read<>(new Heading(level, id, title, h.required, h.de, h.code, h.when,
        h.newPage), p.list());
  }

  /** Index of the {@code {} that starts heading attributes at the end of the text, or -1. */
  static int attributeStart(String text) {
    String s = text.stripTrailing();
    if (!s.endsWith("}") || s.endsWith("}}")) {
      return -1;
    }
    int i = s.lastIndexOf('{');
    if (i < 0 || (i > 0 && s.charAt(i - 1) == '{') || (i > 0 && s.charAt(i - 1) == '\\')) {
      return -1;
    }
    return i;
  }

  public Read<Repeat> repeat(String header) {
    Problems p = problems(header);
    if (!header.startsWith("repeat ") && !header.equals("repeat")) {
      p.error(0, "dsl/bad-container", "不是重复组：" + header, "not a repeat header: " + header);
      return new Read<>(null, p.list());
    }
    Heads.RepeatHead h = Heads.repeat(BasedSequence.of(header).subSequence(6).trim(), 0, p);
    return new Read<>(h == null ? null : new Repeat(h.id(), h.label(), h.min(), h.max()),
        p.list());
  }

  public Read<Expression> condition(String header) {
    Problems p = problems(header);
    if (!header.startsWith("if ")) {
      p.error(0, "dsl/bad-container", "不是条件块：" + header, "not an if header: " + header);
      return new Read<>(null, p.list());
    }
    String expr = header.substring(3).strip();
    boolean ok = Heads.expression(expr, header.indexOf(expr, 3), p, expressions);
    return new Read<>(ok ? new Expression(expr) : null, p.list());
  }

  public Read<TableAttributes> table(String line) {
    Problems p = problems(line);
    String s = line.strip();
    if (!s.startsWith("{:") || !s.endsWith("}")) {
      p.error(0, "dsl/table-attributes", "表格属性应写作 {: ...}", "table attributes are {: ...}");
      return new Read<>(null, p.list());
    }
    int from = line.indexOf("{:") + 2;
    Heads.TableHead h = Heads.table(BasedSequence.of(line).subSequence(from,
        line.lastIndexOf('}')), p);
    return new Read<>(h == null ? null : new TableAttributes(h.id, h.widths == null ? null
        : List.copyOf(h.widths), h.repeat, h.minRows, h.maxRows, h.style()), p.list());
  }
}

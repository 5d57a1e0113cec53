package org.emrkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.emrkit.expr.CalcGraph;
import org.emrkit.expr.ExpressionEngine;
import org.emrkit.template.Template;

/**
 * Reads and writes templates as canonical template JSON ({@code emrkit-template/1}, schema
 * {@code docs/schema/emrkit-template-1.schema.json}). Immutable and thread-safe; build one and
 * share it.
 *
 * <p>Reading checks the input against the limits, then the schema, then the model's own rules;
 * every problem has a JSON pointer. Writing is byte-stable: the same template always gives the
 * same text.
 */
public final class TemplateJson {

  /** File name of the template schema (also under {@code docs/schema/}). */
  public static final String SCHEMA = "emrkit-template-1.schema.json";

  private static final SchemaCheck SCHEMA_CHECK = SchemaCheck.load(SCHEMA);

  private final JsonLimits limits;
  private final ObjectMapper mapper;

  private TemplateJson(JsonLimits limits) {
    this.limits = limits;
    this.mapper = Json.mapper(limits);
  }

  /** A reader/writer with the default limits. */
  public static TemplateJson create() {
    return new TemplateJson(JsonLimits.DEFAULT);
  }

  /** A reader/writer with these limits. */
  public static TemplateJson create(JsonLimits limits) {
    return new TemplateJson(Objects.requireNonNull(limits, "limits"));
  }

  /** The template as pretty JSON text ending in a newline. */
  public String write(Template template) {
    return Json.pretty(TemplateTree.write(Objects.requireNonNull(template, "template")));
  }

  /** Reads a template; never throws for bad input. */
  public ReadResult<Template> read(String json) {
    List<JsonProblem> problems = new ArrayList<>();
    JsonNode tree = Json.parse(mapper, limits, Objects.requireNonNull(json, "json"), problems);
    if (tree == null) {
      return ReadResult.failed(problems);
    }
    // one walk: control characters (a warning, the template read: one compiled before the DSL
    // refused them must still read, a batch of records naming it, a record carrying it), and
    // the calcs' expressions, for the check of calcs that read each other
    Map<String, CalcAt> calcs = new java.util.LinkedHashMap<>();
    Json.walk(tree, "", (name, node, at) -> {
      control(node, at, problems);
      calc(node, at, calcs);
    });
    Template t = fromTree(tree, "", problems);
    if (t != null) {
      calcCycles(calcs, problems);
    }
    return t == null ? ReadResult.failed(problems) : new ReadResult<>(t, problems);
  }

  /**
   * Calcs that read each other, or through more than {@link
   * org.emrkit.template.Expression#MAX_CALC_CHAIN} others ({@link CalcGraph}): a warning at the
   * expression, the template read (the DSL refuses them; a template compiled before it did, or
   * written by hand, must still read, and its calc prints nothing).
   */
  private static void calcCycles(Map<String, CalcAt> calcs, List<JsonProblem> problems) {
    if (calcs.isEmpty()) {
      return;
    }
    CalcGraph<String> graph = new CalcGraph<>();
    calcs.keySet().forEach(graph::calc);
    ExpressionEngine expressions = ExpressionEngine.create();
    for (Map.Entry<String, CalcAt> e : calcs.entrySet()) {
      for (ExpressionEngine.Name n : expressions.names(e.getValue().source())) {
        if (graph.isCalc(n.name())) {
          graph.read(e.getKey(), n.name(), e.getValue().pointer());
        }
      }
    }
    for (CalcGraph.Problem<String> p : graph.problems()) {
      problems.add(p.cycle()
          ? JsonProblem.warning(p.site(), "json/calc-cycle", "计算字段相互引用(" + p.ring()
              + ")，永远无法算出，打印为空：" + p.site(), "calcs read each other (" + p.ring()
              + ") and can never be computed; they print nothing: " + p.site())
          : JsonProblem.warning(p.site(), "json/calc-chain", "计算字段 " + p.calc() + " 经由 "
              + p.read() + " 读取了超过 " + org.emrkit.template.Expression.MAX_CALC_CHAIN
              + " 层计算字段，打印为空：" + p.site(), "calc " + p.calc() + " reads calcs through "
              + p.read() + " more than " + org.emrkit.template.Expression.MAX_CALC_CHAIN
              + " deep and prints nothing: " + p.site()));
    }
  }

  /** A calc field's expression and its pointer. */
  private record CalcAt(String pointer, String source) {}

  /** A calc field's expression, by the field's name (the first of a name). */
  private static void calc(JsonNode node, CharSequence at, Map<String, CalcAt> out) {
    if (node.isObject() && "calc".equals(node.path("type").asText())
        && "field".equals(node.path("kind").asText()) && node.path("name").isTextual()
        && node.path("expr").isTextual()) {
      out.putIfAbsent(node.get("name").asText(), new CalcAt(at + "/expr",
          node.get("expr").asText()));
    }
  }

  /**
   * A control character in one of a template's strings ({@code json/control-character}, a
   * warning: the DSL's {@code dsl/control-character} is an error, but a template compiled before
   * it was must still read): U+0000–U+001F but tab, line feed and carriage return, and
   * U+007F–U+009F. A record's text may hold one pasted from another program, which the
   * renderers leave out; a template's text goes into every record printed from it, invisible,
   * and XML (DOCX, CDA) cannot hold most of them.
   */
  private static void control(JsonNode node, CharSequence at, List<JsonProblem> problems) {
    if (!node.isTextual()) {
      return;
    }
    String s = node.textValue();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (org.emrkit.record.ValueText.isControl(c)) {
        String u = String.format("U+%04X", (int) c);
        problems.add(JsonProblem.warning(at.toString(), "json/control-character",
            "模板中有控制字符 " + u + "（看不见，Word 和 CDA 导出无法容纳）；请删除它：" + at,
            "control character " + u + " in the template (invisible; Word and CDA exports"
                + " cannot hold it): delete it: " + at));
        return;
      }
    }
  }

  /** Reads a template from a tree at {@code base}, or adds problems and returns null. */
  static Template fromTree(JsonNode tree, String base, List<JsonProblem> problems) {
    int before = problems.size();
    List<JsonProblem> schemaProblems = new ArrayList<>();
    SCHEMA_CHECK.check(tree, schemaProblems);
    for (JsonProblem p : schemaProblems) {
      problems.add(new JsonProblem(base + p.pointer(), p.code(), p.severity(), p.message()));
    }
    if (problems.size() > before) {
      return null;
    }
    try {
      return TemplateTreeReader.read(tree, base);
    } catch (TemplateTreeReader.Located e) {
      problems.add(JsonProblem.error(e.pointer, "json/template-invalid",
          "模板不成立：" + e.getMessage(), "invalid template: " + e.getMessage()));
      return null;
    }
  }
}

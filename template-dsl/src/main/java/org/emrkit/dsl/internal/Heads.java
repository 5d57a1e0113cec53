package org.emrkit.dsl.internal;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.emrkit.expr.ExpressionEngine;
import org.emrkit.expr.ExpressionError;
import org.emrkit.template.Expression;
import org.emrkit.template.FieldAttribute;

/**
 * The attribute parts of EMR Markdown, read the same way wherever they occur (in a compiled
 * template, or alone as a fragment a Word form carries): a heading's {@code {#id required de
 * code when}}, a repeat container's {@code #id min max label}, an {@code if} condition, a table's
 * {@code {: #id widths repeat minRows maxRows}}. Every problem is reported at its character.
 */
final class Heads {

  /** A section heading's attributes. */
  static final class SectionHead {
    String id;
    boolean required;
    String de;
    String code;
    Expression when;
    boolean newPage;
  }

  /** A repeat container's attributes. */
  record RepeatHead(String id, int idOffset, String label, int min, Integer max) {}

  /** A table's attributes. */
  static final class TableHead {
    String id;
    int idOffset;
    List<Double> widths;
    boolean repeat;
    int minRows;
    Integer maxRows;
    boolean borderless;
    boolean boldHeader;
    Double fontSize;
    List<org.emrkit.template.TableStyle.Align> align;

    /** The style these attributes give, with the delimiter row's alignment. */
    org.emrkit.template.TableStyle style() {
      return new org.emrkit.template.TableStyle(borderless, boldHeader, fontSize, align);
    }
  }

  private Heads() {}

  /** Reads a heading's attributes into {@code d}; false after reporting a problem. */
  static boolean section(BasedSequence text, SectionHead d, Problems problems,
      ExpressionEngine expressions) {
    List<Attributes.Attr> attrs = Attributes.lex(text, problems, "dsl/heading-attributes");
    if (attrs == null || !Attributes.unique(attrs, problems)) {
      return false;
    }
    for (Attributes.Attr a : attrs) {
      boolean ok = switch (a.name()) {
        case "#" -> a.value().matches("[A-Za-z0-9][A-Za-z0-9_-]{0,99}") ? set(() -> d.id = a.value())
            : bad(problems, a, "dsl/heading-attributes", "章节 id 不合规则", "bad section id");
        case "required" -> a.isFlag() ? set(() -> d.required = true) : bad(problems, a,
            "dsl/heading-attributes", "required 是标志，不带值", "required is a flag and takes no value");
        case "de" -> a.isFlag() || FieldAttribute.DE.check(a.value()).isPresent()
            ? bad(problems, a, "dsl/heading-attributes", "数据元标识符应形如 DE04.01.119.00",
                "a data-element id looks like DE04.01.119.00")
            : set(() -> d.de = a.value());
        case "code" -> !a.isFlag() && a.value().matches("[A-Za-z0-9][A-Za-z0-9._/-]{0,49}:\\S{1,100}")
            ? set(() -> d.code = a.value()) : bad(problems, a, "dsl/heading-attributes",
                "章节编码应写作 系统:编码，如 LOINC:10154-3",
                "a section code is SYSTEM:CODE like LOINC:10154-3");
        case "newPage" -> a.isFlag() ? set(() -> d.newPage = true) : bad(problems, a,
            "dsl/heading-attributes", "newPage 是标志，不带值", "newPage is a flag and takes no value");
        case "when" -> a.isFlag() ? bad(problems, a, "dsl/heading-attributes",
            "when 需要表达式", "when needs an expression")
            : expression(a.value(), a.valueOffset(), problems, expressions)
                && set(() -> d.when = new Expression(a.value()));
        default -> {
          String near = Suggest.closest(a.name(), List.of("required", "de", "code", "when",
              "newPage"));
          problems.error(a.nameOffset(), "dsl/heading-attributes", "未知的标题属性 " + a.name()
              + "(可用 #id required de code when newPage)" + (near == null ? "" : "，是否应为 "
              + near + "？"), "unknown heading attribute " + a.name()
              + " (expected #id, required, de, code, when, newPage)" + (near == null ? ""
              : "; did you mean " + near + "?"));
          yield false;
        }
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Reads a repeat container's header (after {@code repeat}); null after a problem. */
  static RepeatHead repeat(BasedSequence rest, int startOffset, Problems problems) {
    List<Attributes.Attr> attrs = Attributes.lex(rest, problems, "dsl/bad-container");
    if (attrs == null) {
      return null;
    }
    String id = null;
    int idOffset = startOffset;
    String label = null;
    int min = 0;
    Integer max = null;
    for (Attributes.Attr a : attrs) {
      switch (a.name()) {
        case "#" -> {
          id = a.value();
          idOffset = a.nameOffset();
        }
        case "label" -> label = a.value();
        case "min", "max" -> {
          if (a.isFlag() || !a.value().matches("\\d{1,5}")) {
            problems.error(a.nameOffset(), "dsl/bad-container", a.name() + " 应为整数",
                a.name() + " must be a whole number");
            return null;
          }
          if (a.name().equals("min")) {
            min = Integer.parseInt(a.value());
          } else {
            max = Integer.parseInt(a.value());
          }
        }
        default -> {
          problems.error(a.nameOffset(), "dsl/bad-container", "repeat 容器的未知属性 " + a.name()
              + "(可用 #id min max label)", "unknown attribute " + a.name()
              + " of a repeat container (expected #id, min, max, label)");
          return null;
        }
      }
    }
    if (id == null || !id.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
      problems.error(idOffset, "dsl/bad-container", "repeat 容器需要字段名形式的 #id",
          "a repeat container needs an #id that is a field-name-like identifier");
      return null;
    }
    return new RepeatHead(id, idOffset, label, min, max);
  }

  /** Notes the names an accepted expression reads, for the check against the template's names. */
  static void names(String source, int valueOffset, ExpressionEngine expressions,
      Problems problems) {
    for (ExpressionEngine.Name n : expressions.names(source)) {
      problems.names.add(new ExpressionEngine.Name(n.name(), valueOffset + n.offset()));
    }
  }

  /** Checks an expression against the grammar; false after reporting where it goes wrong. */
  static boolean expression(String source, int offset, Problems problems,
      ExpressionEngine expressions) {
    Optional<ExpressionError> e = expressions.check(source);
    if (e.isPresent()) {
      FieldParser.reportExpression(offset, source, e.get(), problems);
      return false;
    }
    names(source, offset, expressions, problems);
    return true;
  }

  private static final List<String> TABLE_ATTRIBUTES = List.of("widths", "repeat", "minRows",
      "maxRows", "borderless", "header", "fontSize");

  /** A "did you mean" for a mistyped table attribute, or "". */
  private static String near(String typed, String before, String after) {
    String near = Suggest.closest(typed, TABLE_ATTRIBUTES);
    return near == null ? "" : before + near + after;
  }

  /** Reads a table attribute line's attributes; null after a problem. */
  static TableHead table(BasedSequence text, Problems problems) {
    List<Attributes.Attr> list = Attributes.lex(text, problems, "dsl/table-attributes");
    if (list == null || !Attributes.unique(list, problems)) {
      return null;
    }
    TableHead out = new TableHead();
    boolean ok = true;
    for (Attributes.Attr a : list) {
      switch (a.name()) {
        case "#" -> {
          if (!a.value().matches("[A-Za-z0-9][A-Za-z0-9_-]{0,99}")) {
            ok = tableBad(problems, a, "表格 id 不合规则", "bad table id");
          }
          out.id = a.value();
          out.idOffset = a.nameOffset();
        }
        case "widths" -> {
          out.widths = widths(a, problems);
          ok &= out.widths != null;
        }
        case "repeat" -> {
          if (!a.isFlag()) {
            ok = tableBad(problems, a, "repeat 是标志，不带值", "repeat is a flag and takes no value");
          }
          out.repeat = true;
        }
        case "minRows", "maxRows" -> {
          if (a.isFlag() || !a.value().matches("\\d{1,5}")) {
            ok = tableBad(problems, a, a.name() + " 应为整数", a.name() + " must be a whole number");
          } else if (a.name().equals("minRows")) {
            out.minRows = Integer.parseInt(a.value());
          } else {
            out.maxRows = Integer.parseInt(a.value());
          }
        }
        case "borderless", "header", "fontSize" -> ok &= style(a, out, problems);
        default -> ok = tableBad(problems, a, "未知的表格属性 " + a.name()
            + "(可用 #id widths repeat minRows maxRows borderless header fontSize)"
            + near(a.name(), "，是否应为 ", "？"), "unknown table attribute " + a.name()
            + " (expected #id, widths, repeat, minRows, maxRows, borderless, header, fontSize)"
            + near(a.name(), "; did you mean ", "?"));
      }
    }
    if (!out.repeat && (out.minRows != 0 || out.maxRows != null)) {
      ok = tableBad(problems, list.get(0), "minRows/maxRows 只用于 repeat 表格",
          "minRows and maxRows apply only with repeat");
    }
    if (out.repeat && out.maxRows != null && out.maxRows < Math.max(1, out.minRows)) {
      ok = tableBad(problems, list.get(0), "maxRows 不能小于 minRows",
          "maxRows must not be less than minRows");
    }
    return ok ? out : null;
  }

  /** A table's style attribute ({@code borderless header=bold fontSize=9}); false if bad. */
  private static boolean style(Attributes.Attr a, TableHead out, Problems problems) {
    switch (a.name()) {
      case "borderless" -> {
        out.borderless = true;
        return a.isFlag() || tableBad(problems, a, "borderless 是标志，不带值",
            "borderless is a flag and takes no value");
      }
      case "header" -> {
        out.boldHeader = true;
        return !a.isFlag() && a.value().equals("bold")
            || tableBad(problems, a, "header 只可为 bold(表头加粗)", "header takes only bold");
      }
      default -> {
        if (a.isFlag() || !a.value().matches("\\d{1,2}(\\.\\d)?")
            || Double.parseDouble(a.value()) < 6 || Double.parseDouble(a.value()) > 16) {
          return tableBad(problems, a, "fontSize 为 6 到 16 的磅值，如 9 或 10.5",
              "fontSize is 6 to 16 points, such as 9 or 10.5");
        }
        out.fontSize = Double.parseDouble(a.value());
        return true;
      }
    }
  }

  private static List<Double> widths(Attributes.Attr a, Problems problems) {
    if (a.isFlag()) {
      tableBad(problems, a, "widths 需要值", "widths needs a value");
      return null;
    }
    List<Double> out = new ArrayList<>();
    for (String w : a.value().split(",")) {
      String t = w.strip();
      if (t.endsWith("%")) {
        t = t.substring(0, t.length() - 1).strip();
      }
      if (!t.matches("\\d{1,9}(\\.\\d{1,30})?") || Double.parseDouble(t) <= 0) {
        tableBad(problems, a, "列宽应为正数或百分比，如 15%,35%",
            "column widths are positive numbers or percents like 15%,35%");
        return null;
      }
      out.add(Double.parseDouble(t));
    }
    return out;
  }

  private static boolean tableBad(Problems problems, Attributes.Attr a, String zh, String en) {
    return bad(problems, a, "dsl/table-attributes", zh, en);
  }

  private static boolean bad(Problems problems, Attributes.Attr a, String code, String zh,
      String en) {
    problems.error(a.valueOffset() >= 0 ? a.valueOffset() : a.nameOffset(), code, zh, en);
    return false;
  }

  private static boolean set(Runnable r) {
    r.run();
    return true;
  }
}

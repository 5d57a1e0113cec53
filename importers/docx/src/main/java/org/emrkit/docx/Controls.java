package org.emrkit.docx;

import static org.emrkit.docx.WordXml.W14;
import static org.emrkit.docx.WordXml.W;
import static org.emrkit.docx.WordXml.child;
import static org.emrkit.docx.WordXml.val;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.emrkit.template.Field;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Fields from what a Word form offers: content controls (named from tag or title, typed by
 * kind), legacy form fields, literal {@code {{...}}} text. Each becomes an EMR Markdown field spec
 * compiled by the DSL; names are made unique in the current scope.
 */
final class Controls {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

  private final Dsl dsl;
  private final Findings findings;
  private final Deque<Set<String>> names;
  private int generated;
  /** Value sets defined for drop-down lists whose values differ from their texts. */
  final List<String> valueSets = new ArrayList<>();

  /** Fields compiled with {@code dsl}, named uniquely in the innermost of {@code names}. */
  Controls(Dsl dsl, Findings findings, Deque<Set<String>> names) {
    this.dsl = dsl;
    this.findings = findings;
    this.names = names;
  }

  /** A literal {@code {{...}}} typed in the text, or null (with a warning) if it is not one. */
  Field literal(String spec, String where) {
    try {
      return named(dsl.field(spec.strip()), where);
    } catch (Dsl.Failure f) {
      findings.warn(where, "docx/literal-field", "字段 {{" + spec + "}} 无效：" + f.zh + "；按文字保留",
          "field {{" + spec + "}} is invalid: " + f.en + "; kept as text");
      return null;
    }
  }

  /** The kind of a content control from its properties, or {@code null} for none given. */
  static String kind(Element pr) {
    for (Node n = pr.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        String k = e.getLocalName();
        if (W14.equals(e.getNamespaceURI()) && k.equals("checkbox")) {
          return "checkbox";
        }
        if (W.equals(e.getNamespaceURI()) && List.of("text", "richText", "dropDownList",
            "comboBox", "date", "picture", "docPartObj", "docPartList", "equation", "citation",
            "bibliography", "group").contains(k)) {
          return k;
        }
      }
    }
    return null;
  }

  /** A field from a content control's properties; {@code before} labels an untitled one. */
  Field control(Element pr, String before, String where) {
    String tag = val(child(pr, "tag"));
    String alias = val(child(pr, "alias"));
    if (tag == null && alias == null && before != null) {
      alias = before;
    }
    String kind = kind(pr);
    if (kind != null && List.of("picture", "docPartObj", "docPartList", "equation", "citation",
        "bibliography", "group").contains(kind)) {
      findings.warn(where, "docx/control-kind", "不支持的内容控件类型 " + kind + "，已略去",
          "content control of kind " + kind + " is not supported; left out");
      return null;
    }
    try {
      if (tag != null && tag.contains(":")) {
        return named(dsl.field(tag), where);
      }
      String name = tag != null && NAME.matcher(tag).matches() ? tag
          : alias != null && NAME.matcher(alias).matches() ? alias : null;
      String label = alias != null && !alias.equals(name) ? alias
          : tag != null && !tag.equals(name) ? tag : null;
      if (name == null) {
        name = "field" + (++generated);
        while (names.peek().contains(name)) {
          name = "field" + (++generated);
        }
        findings.warn(where, "docx/unnamed-control", "内容控件没有可用作字段名的标记或标题，命名为 " + name
            + (label == null ? "" : "(标签“" + label + "”)"), "the content control has no tag or "
            + "title usable as a field name; named " + name
            + (label == null ? "" : " (label \"" + label + "\")"));
      }
      StringBuilder spec = new StringBuilder(name).append(": ");
      switch (kind == null ? "richText" : kind) {
        case "text" -> spec.append("text");
        case "checkbox" -> spec.append("boolean");
        case "date" -> {
          String format = val(child(child(pr, "date"), "dateFormat"));
          spec.append(format != null && format.matches(".*[Hh].*") ? "datetime" : "date");
        }
        case "dropDownList", "comboBox" -> spec.append(choice(pr, kind, name, where));
        default -> spec.append("richtext");
      }
      if (label != null) {
        spec.append(" label=").append(quote(label));
      }
      return named(dsl.field(spec.toString()), where);
    } catch (Dsl.Failure f) {
      findings.error(where, "docx/control", "内容控件无法转换为字段：" + f.zh,
          "the content control cannot be made a field: " + f.en);
      return null;
    }
  }

  /**
   * The type part of a drop-down list's or combo box's spec: a choice with its options, or a
   * value set of its own when values and texts differ; text when it has no items.
   */
  private String choice(Element pr, String kind, String name, String where) {
    Element list = child(pr, kind);
    List<String[]> items = new ArrayList<>();
    for (Node n = list.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element item && "listItem".equals(item.getLocalName())) {
        String display = item.getAttributeNS(W, "displayText");
        String value = item.getAttributeNS(W, "value");
        display = display.isEmpty() ? value : display;
        value = value.isEmpty() ? display : value;
        if (!display.isEmpty()) {
          items.add(new String[] {value, display});
        }
      }
    }
    if (items.isEmpty()) {
      findings.warn(where, "docx/empty-list", "下拉列表没有选项，按文本字段导入",
          "the drop-down list has no items; imported as a text field");
      return "text";
    }
    if (kind.equals("comboBox")) {
      findings.info(where, "docx/combo-box", "组合框按下拉选择导入，不保留自由输入",
          "a combo box was imported as a choice; free text is not kept");
    }
    if (items.stream().allMatch(x -> x[0].equals(x[1]))) {
      List<String> options = items.stream().map(x -> x[1]).toList();
      return "choice options=" + quote(String.join("|", options));
    }
    String id = name + "-values";
    StringBuilder vs = new StringBuilder("```valueset ").append(id).append('\n');
    for (String[] x : items) {
      vs.append(x[0].replace(' ', '_')).append(' ').append(x[1]).append('\n');
    }
    dsl.define(id, vs.append("```\n").toString());
    valueSets.add(id);
    return "choice valueset=@" + id;
  }

  /** A legacy form field (FORMTEXT, FORMCHECKBOX, FORMDROPDOWN) from its {@code w:ffData}. */
  Field legacyFormField(String instr, Element ffData, String where) {
    String name = val(child(ffData, "name"));
    String spec;
    if (instr.startsWith("FORMCHECKBOX")) {
      spec = "boolean";
    } else if (instr.startsWith("FORMDROPDOWN")) {
      List<String> entries = new ArrayList<>();
      Element dd = child(ffData, "ddList");
      for (Node n = dd == null ? null : dd.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element x && "listEntry".equals(x.getLocalName())) {
          entries.add(x.getAttributeNS(W, "val"));
        }
      }
      spec = entries.isEmpty() ? "text" : "choice options=" + quote(String.join("|", entries));
    } else {
      String type = val(child(child(ffData, "textInput"), "type"));
      spec = "date".equals(type) ? "date" : "text";
    }
    if (name == null || !NAME.matcher(name).matches()) {
      String fresh = "field" + (++generated);
      findings.warn(where, "docx/unnamed-control", "旧式窗体域没有可用的名称，命名为 " + fresh,
          "a legacy form field has no usable name; named " + fresh);
      name = fresh;
    }
    try {
      return named(dsl.field(name + ": " + spec), where);
    } catch (Dsl.Failure f) {
      findings.error(where, "docx/control", "窗体域无法转换为字段：" + f.zh,
          "the form field cannot be made a field: " + f.en);
      return null;
    }
  }

  /** The field, renamed if its name is taken in the current scope. */
  private Field named(Field f, String where) {
    if (names.peek().add(f.name())) {
      return f;
    }
    String fresh = FormReader.unique(f.name(), names.peek());
    findings.warn(where, "docx/duplicate-name", "字段名 " + f.name() + " 重复，改为 " + fresh,
        "field name " + f.name() + " is used twice; renamed " + fresh);
    try {
      String spec = org.emrkit.dsl.TemplateDecompiler.field(f);
      return dsl.field(fresh + spec.substring(2 + f.name().length(), spec.length() - 2));
    } catch (Dsl.Failure e) {
      return f;
    }
  }

  static String quote(String v) {
    return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}

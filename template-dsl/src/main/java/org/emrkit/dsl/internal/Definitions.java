package org.emrkit.dsl.internal;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.util.ast.BlankLine;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.emrkit.template.Concept;
import org.emrkit.template.ValueSet;

/**
 * The compiler's first pass: value sets and named tables, which the document may use before it
 * defines them, collected into the build state.
 */
final class Definitions {

  private final BuildState state;

  Definitions(BuildState state) {
    this.state = state;
  }

  void collect(Node parent) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof FencedCodeBlock f && f.getInfo().toString().strip().startsWith("valueset")) {
        valueSet(f);
      } else if (n instanceof ContainerBlock c && Containers.kind(c).equals("table")) {
        namedTable(c);
      }
      if (n instanceof ContainerBlock) {
        collect(n);
      }
    }
  }

  private void valueSet(FencedCodeBlock f) {
    BasedSequence info = f.getInfo();
    List<Attributes.Attr> attrs = Attributes.lex(info.subSequence("valueset".length()),
        state.problems, "dsl/bad-value-set");
    if (attrs == null) {
      return;
    }
    String id = null;
    String system = null;
    for (Attributes.Attr a : attrs) {
      if (a.isFlag() && id == null) {
        id = a.name();
      } else if (a.name().equals("system") && !a.isFlag()) {
        system = a.value();
      } else {
        state.problems.error(a.nameOffset(), "dsl/bad-value-set", "值集行应为 ```valueset ID system=...",
            "a value set starts ```valueset ID system=...");
        return;
      }
    }
    if (id == null) {
      state.problems.error(info.getStartOffset(), "dsl/bad-value-set", "值集缺少 id",
          "the value set has no id");
      return;
    }
    List<Concept> concepts = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (BasedSequence line : f.getContentLines()) {
      String s = line.toString().strip();
      if (s.isEmpty()) {
        continue;
      }
      // the code ends at the first white space, a full-width space (U+3000) too, which a
      // Chinese input method types: split at ASCII spaces alone, "4　名称" was one code that
      // held a space and crashed the compiler
      int space = 0;
      while (space < s.length() && !Character.isWhitespace(s.charAt(space))) {
        space++;
      }
      String[] parts = space == s.length() ? new String[] {s}
          : new String[] {s.substring(0, space), s.substring(space).strip()};
      if (parts.length < 2) {
        state.problems.error(line.getStartOffset(), "dsl/bad-value-set", "值集每行应为 \"编码 名称\"",
            "each value-set line is \"code display\"");
        continue;
      }
      if (!codes.add(parts[0])) {
        state.problems.error(line.getStartOffset(), "dsl/bad-value-set", "编码 " + parts[0] + " 重复",
            "code " + parts[0] + " is given twice");
        continue;
      }
      if (parts[0].length() > 64 || parts[1].length() > 500) {
        boolean code = parts[0].length() > 64;
        state.problems.error(line.getStartOffset(), "dsl/bad-value-set", code
            ? "编码过长(" + parts[0].length() + " 个字符，至多 64 个)"
            : "名称过长(" + parts[1].length() + " 个字符，至多 500 个)", code
            ? "the code is " + parts[0].length() + " characters long; at most 64"
            : "the display is " + parts[1].length() + " characters long; at most 500");
        continue;
      }
      try {
        concepts.add(new Concept(parts[0], parts[1]));
      } catch (IllegalArgumentException e) {
        // any other rule of a concept's the checks above do not name: at the line, not thrown
        state.problems.error(line.getStartOffset(), "dsl/bad-value-set", "值集的这一行不成立："
            + e.getMessage(), "this value-set line is not valid: " + e.getMessage());
      }
    }
    if (state.valueSets.containsKey(id)) {
      state.problems.error(info.getStartOffset(), "dsl/duplicate-id", "值集 " + id + " 重复定义",
          "value set " + id + " is defined twice");
      return;
    }
    try {
      state.valueSets.put(id, new ValueSet(id, system, concepts));
      state.valueSetOffsets.put(id, f.getStartOffset());
    } catch (IllegalArgumentException e) {
      state.problems.error(f.getStartOffset(), "dsl/bad-value-set", "值集不成立：" + e.getMessage(),
          "invalid value set: " + e.getMessage());
    }
  }

  private void namedTable(ContainerBlock c) {
    List<Attributes.Attr> attrs = Attributes.lex(Containers.rest(c), state.problems, "dsl/bad-container");
    if (attrs == null) {
      return;
    }
    if (attrs.size() != 1 || !attrs.get(0).name().equals("#")) {
      state.problems.error(c.getStartOffset(), "dsl/bad-container", "命名表格写作 ::: table #id",
          "a named table is written ::: table #id");
      return;
    }
    String id = attrs.get(0).value();
    TableBlock table = null;
    TableAttributesBlock tableAttrs = null;
    for (Node n = c.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof TableBlock t && table == null) {
        table = t;
      } else if (n instanceof TableAttributesBlock a && table != null && tableAttrs == null) {
        tableAttrs = a;
      } else if (!(n instanceof ContainerBlockParser.FenceBlock) && !(n instanceof BlankLine)) {
        state.problems.error(n.getStartOffset(), "dsl/named-table-content",
            "命名表格中只能有一个表格(及其属性行)", "a named table holds one table (and its attribute line) only");
        return;
      }
    }
    if (table == null) {
      state.problems.error(c.getStartOffset(), "dsl/named-table-content", "命名表格 " + id + " 中没有表格",
          "named table " + id + " has no table");
      return;
    }
    if (state.namedTables.containsKey(id)) {
      state.problems.error(c.getStartOffset(), "dsl/duplicate-id", "命名表格 " + id + " 重复定义",
          "named table " + id + " is defined twice");
      return;
    }
    state.namedTables.put(id, new BuildState.NamedTable(id, attrs.get(0).nameOffset(), table,
        tableAttrs));
  }

}

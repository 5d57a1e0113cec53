package org.emrkit.dsl.internal;

import com.vladsch.flexmark.ext.tables.TableBlock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.emrkit.expr.ExpressionEngine;
import org.emrkit.template.ValueSet;

/**
 * What the readers of one compilation share: problems, value sets and named tables found in the
 * first pass, the name scopes (template, repeat groups, repeating rows) for duplicate checks with
 * both positions, ids in use, and the source offset of every model object built, so a late model
 * refusal can still be reported at a line and column.
 */
final class BuildState {

  /** A named table ({@code ::: table #id}) and whether it has been placed. */
  static final class NamedTable {
    final String id;
    final int offset;
    final TableBlock table;
    final TableAttributesBlock attributes;
    int state; // 0 unused, 1 being built, 2 placed

    NamedTable(String id, int offset, TableBlock table, TableAttributesBlock attributes) {
      this.id = id;
      this.offset = offset;
      this.table = table;
      this.attributes = attributes;
    }
  }

  final Source source;
  final Problems problems;
  final ExpressionEngine expressions = ExpressionEngine.create();
  final Map<String, ValueSet> valueSets = new LinkedHashMap<>();
  final Map<String, Integer> valueSetOffsets = new HashMap<>();
  final Set<String> usedValueSets = new HashSet<>();
  final Map<String, NamedTable> namedTables = new LinkedHashMap<>();
  final Map<String, Integer> sectionIds = new HashMap<>();
  final Map<String, Integer> tableIds = new HashMap<>();
  final Map<Object, Integer> positions = new IdentityHashMap<>();
  final FieldParser fields;
  private final Deque<Map<String, Integer>> scopes = new ArrayDeque<>();
  /** Every name declared in any scope: what an expression may read. */
  final Set<String> declared = new java.util.TreeSet<>();
  /** The first field declared under each name, for the types expressions read. */
  final Map<String, org.emrkit.template.Field> fieldsByName = new HashMap<>();
  /** The calc fields, checked for what their expressions give once all names are known. */
  final java.util.List<CalcTypes.Calc> calcs = new java.util.ArrayList<>();
  boolean inPageArea;
  int containerDepth;

  BuildState(Source source, Problems problems) {
    this.source = source;
    this.problems = problems;
    this.fields = new FieldParser(problems, expressions, valueSets.keySet(), usedValueSets);
    scopes.push(new HashMap<>());
  }

  /** Declares a name in the current scope; false (after a diagnostic) if it is taken. */
  boolean declare(String name, int offset) {
    declared.add(name);
    Integer first = scopes.peek().putIfAbsent(name, offset);
    if (first == null) {
      return true;
    }
    problems.error(offset, "dsl/duplicate-name", "名称 " + name + " 在同一作用域中重复(首次出现在第"
        + source.line(first) + "行第" + source.column(first) + "列)", "name " + name
        + " is used twice in one scope (first at line " + source.line(first) + ", column "
        + source.column(first) + ")");
    return false;
  }

  void pushScope() {
    scopes.push(new HashMap<>());
  }

  void popScope() {
    scopes.pop();
  }

  /** Claims a table id; false (after a diagnostic) if another table has it. */
  boolean claimTableId(String id, int offset) {
    Integer first = tableIds.putIfAbsent(id, offset);
    if (first != null) {
      problems.error(offset, "dsl/duplicate-id", "表格 id " + id + " 重复", "table id " + id
          + " is used twice");
      return false;
    }
    return true;
  }

  <T> T at(T modelObject, int offset) {
    if (modelObject != null) {
      positions.put(modelObject, offset);
    }
    return modelObject;
  }
}

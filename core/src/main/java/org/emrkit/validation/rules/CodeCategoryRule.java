package org.emrkit.validation.rules;

import java.util.List;
import java.util.Optional;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Coding;
import org.emrkit.terminology.CodeEntry;
import org.emrkit.terminology.CodeTable;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code field/code-category}: a category code ({@code I20} 心绞痛, which has {@code I20.000}
 * and others below it) where the list requires full codes (the national diagnosis and
 * operation lists do). The message names the codes below it.
 */
final class CodeCategoryRule extends Codes {
  static final RuleInfo INFO = Infos.info("field/code-category", "编码不完整(类目编码)",
      "category code where a full code is required", "疾病分类与代码国家临床版 2.0(编码到类目以下的"
      + "完整编码)；扣分为 EMRKit 默认值(各地评分表常见每处 0.5–1 分)", Severity.ERROR, "1", false, "“诊断代码”的编码 I20 是类目，应选择其下的完整编码，如 I20.000 不稳定型心绞痛、I20.900 心绞痛",
      "code I20 of 诊断代码 is a category; pick a full code below it, such as I20"
          + ".000 不稳定型心绞痛、I20.900 心绞痛");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(FieldValue f, Coding coding, Optional<CodeTable> table, String l,
      Reporter reporter) {
    String code = coding.code();
    table.filter(CodeTable::requiresFullCodes).ifPresent(t -> t.find(code)
        .filter(CodeEntry::category).ifPresent(e -> {
          List<CodeEntry> below = t.closest(code + ".", 3).stream()
              .filter(x -> x.code().startsWith(code) && !x.category()).toList();
          String zh = below.isEmpty() ? "" : "，如 " + list(below);
          String en = below.isEmpty() ? "" : ", such as " + list(below);
          reporter.report(f.path() + "/code", new Message("“" + l + "”的编码 " + code
              + " 是类目，应选择其下的完整编码" + zh, "code " + code + " of " + l
              + " is a category; pick a full code below it" + en));
        }));
  }
}

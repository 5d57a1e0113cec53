package org.emrkit.validation.rules;

import java.util.Optional;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Coding;
import org.emrkit.terminology.CodeTable;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code field/code-name}: a coded value whose display is neither the code's name in its list
 * nor an accepted synonym ({@code I20.000} shown as 急性阑尾炎). Full-width and half-width
 * characters and white space do not count as differences.
 */
final class CodeNameRule extends Codes {
  static final RuleInfo INFO = Infos.info("field/code-name", "编码与名称不符",
      "display is not the code's name", "GB/T 14396；国家临床版编码库的名称与同义词；扣分为 EMRKit 默认值"
      + "(各地住院病历质量评分表常见每处 1–2 分)", Severity.ERROR, "2", false, "“诊断代码”的编码 I20.000 是“不稳定型心绞痛”，不是“急性阑尾炎”",
      "code I20.000 of 诊断代码 is 不稳定型心绞痛, not 急性阑尾炎");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(FieldValue f, Coding coding, Optional<CodeTable> table, String l,
      Reporter reporter) {
    String display = coding.display();
    if (display == null) {
      return;
    }
    table.flatMap(t -> t.find(coding.code())).filter(e -> !e.names(display)).ifPresent(e ->
        reporter.report(f.path() + "/display", new Message("“" + l + "”的编码 " + e.code()
            + " 是“" + e.name() + "”，不是“" + display + "”", "code " + e.code() + " of " + l
            + " is " + e.name() + ", not " + display)));
  }
}

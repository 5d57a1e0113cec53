package org.emrkit.validation.rules;

import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Value;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code fp/admission-condition}: a discharge diagnosis without its 入院病情 (1 有, 2 临床未确定,
 * 3 情况不明, 4 无), which the 首页 needs for every diagnosis.
 */
final class AdmissionConditionRule extends FrontPageRule {
  static final RuleInfo INFO = Infos.info("fp/admission-condition", "出院诊断缺少入院病情",
      "discharge diagnosis without its condition on admission",
      "住院病案首页数据填写质量规范(暂行)(2016) 入院病情", Severity.ERROR, "1", false, "其他诊断“2型糖尿病 E11.900”没有填写入院病情",
      "diagnosis 2型糖尿病 E11.900 has no condition on admission", "pairs", "principalDx:principalCondition,dx:condition");

  AdmissionConditionRule() {
    super(INFO);
  }

  @Override
  void checkFrontPage(RecordContext context, Reporter reporter) {
    for (String pair : FrontPage.items(reporter.parameter("pairs"))) {
      String[] p = pair.split(":");
      for (FieldValue d : FrontPage.named(context, p[0])) {
        if (FrontPage.code(d) == null) {
          continue;
        }
        Value condition = d.scope().get(p[1]).orElse(null);
        boolean filled = condition instanceof Value.Str s ? !s.value().isBlank()
            : condition != null;
        if (!filled) {
          reporter.report(FrontPage.beside(d, p[1]), new Message(d.label() + "“"
              + FrontPage.shown(d) + "”没有填写入院病情", "diagnosis " + FrontPage.shown(d)
              + " has no condition on admission"));
        }
      }
    }
  }
}

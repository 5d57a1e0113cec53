package org.emrkit.validation.rules;

import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code fp/principal-diagnosis}: the principal diagnosis is a symptom or sign (R00–R99) while
 * another discharge diagnosis names a definite disease: the disease is the principal diagnosis.
 */
final class PrincipalDiagnosisRule extends FrontPageRule {
  static final RuleInfo INFO = Infos.info("fp/principal-diagnosis", "主要诊断选择错误",
      "principal diagnosis wrongly chosen",
      "住院病案首页数据填写质量规范(暂行)(2016) 主要诊断选择原则", Severity.ERROR, "4", false, "主要诊断“胸痛 R07.400”是症状体征(R00-R99)，其他诊断中已有明确的疾病“不稳定型心绞痛 I20.000”：应以明确的疾病为主"
          + "要诊断",
      "principal diagnosis 胸痛 R07.400 is a symptom or sign (R00-R99) while 不稳"
          + "定型心绞痛 I20.000 is a definite disease: make the disease the principal di"
          + "agnosis", "principal", "principalDx", "others", "dx", "symptomCodes", "R00-R99");

  PrincipalDiagnosisRule() {
    super(INFO);
  }

  @Override
  void checkFrontPage(RecordContext context, Reporter reporter) {
    String symptoms = reporter.parameter("symptomCodes");
    for (FieldValue p : FrontPage.named(context, reporter.parameter("principal"))) {
      if (!FrontPage.in(FrontPage.code(p), symptoms)) {
        continue;
      }
      for (FieldValue o : FrontPage.named(context, reporter.parameter("others"))) {
        String code = FrontPage.code(o);
        if (code != null && !FrontPage.in(code, symptoms)) {
          reporter.report(p.path() + "/code", new Message("主要诊断“" + FrontPage.shown(p)
              + "”是症状体征(" + symptoms + ")，其他诊断中已有明确的疾病“" + FrontPage.shown(o)
              + "”：应以明确的疾病为主要诊断", "principal diagnosis " + FrontPage.shown(p)
              + " is a symptom or sign (" + symptoms + ") while " + FrontPage.shown(o)
              + " is a definite disease: make the disease the principal diagnosis"));
          break;
        }
      }
    }
  }
}

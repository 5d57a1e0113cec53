package org.emrkit.validation.rules;

import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.template.FieldType;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code fp/required-item}: an item the 首页 must hold is empty — the patient's identity (a
 * context field with nothing from the host counts as empty), the stay, the principal diagnosis
 * and its 入院病情, 离院方式, 医疗付费方式. The list is a parameter (a province adds its own).
 */
final class FrontPageItemRule extends FrontPageRule {
  static final RuleInfo INFO = Infos.info("fp/required-item", "首页必填项目缺失",
      "front-page item missing", "住院病案首页数据填写质量规范(暂行)(2016)；住院病案首页(卫医政发〔2011〕84号)",
      Severity.ERROR, "1", false, "首页“身份证号”未填写", "front page item 身份证号 is empty",
      "items", "name,sex,birthDate,age,idNumber,mrn,admittedAt,dischargedAt,payment,"
          + "admissionRoute,dischargeDept,principalDx,principalCondition,dischargeMode,totalFee");

  FrontPageItemRule() {
    super(INFO);
  }

  @Override
  void checkFrontPage(RecordContext context, Reporter reporter) {
    for (FieldValue f : FrontPage.named(context, reporter.parameter("items"))) {
      boolean filled = f.field().type() == FieldType.MACRO || f.field().type() == FieldType.CALC
          ? !context.text(f.field(), f.scope()).isBlank() : f.isFilled();
      if (!filled) {
        reporter.report(f.path(), new Message("首页“" + f.label() + "”未填写",
            "front page item " + f.label() + " is empty"));
      }
    }
  }
}

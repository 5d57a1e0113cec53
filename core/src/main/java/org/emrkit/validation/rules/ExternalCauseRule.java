package org.emrkit.validation.rules;

import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code fp/external-cause}: a discharge diagnosis of injury or poisoning (S00–T98) without the
 * external cause (V01–Y98) in 损伤、中毒的外部原因.
 */
final class ExternalCauseRule extends FrontPageRule {
  static final RuleInfo INFO = Infos.info("fp/external-cause", "损伤中毒缺少外部原因",
      "injury or poisoning without its external cause",
      "住院病案首页数据填写质量规范(暂行)(2016) 损伤、中毒的外部原因", Severity.ERROR, "1", false, "诊断“股骨颈骨折 S72.000”是损伤或中毒，首页没有损伤、中毒的外部原因(V01-Y98)",
      "diagnosis 股骨颈骨折 S72.000 is an injury or poisoning; the front page name"
          + "s no external cause (V01-Y98)", "diagnoses", "principalDx,dx", "externalCause", "externalCause",
      "injuryCodes", "S00-T98", "causeCodes", "V01-Y98");

  ExternalCauseRule() {
    super(INFO);
  }

  @Override
  void checkFrontPage(RecordContext context, Reporter reporter) {
    String causes = reporter.parameter("causeCodes");
    for (FieldValue c : FrontPage.named(context, reporter.parameter("externalCause"))) {
      if (FrontPage.in(FrontPage.code(c), causes)) {
        return;
      }
    }
    for (FieldValue d : FrontPage.named(context, reporter.parameter("diagnoses"))) {
      if (FrontPage.in(FrontPage.code(d), causes)) {
        return; // the cause written as a diagnosis
      }
    }
    for (FieldValue d : FrontPage.named(context, reporter.parameter("diagnoses"))) {
      if (FrontPage.in(FrontPage.code(d), reporter.parameter("injuryCodes"))) {
        reporter.report(d.path() + "/code", new Message("诊断“" + FrontPage.shown(d)
            + "”是损伤或中毒，首页没有损伤、中毒的外部原因(" + causes + ")", "diagnosis "
            + FrontPage.shown(d) + " is an injury or poisoning; the front page names no external"
            + " cause (" + causes + ")"));
        return;
      }
    }
  }
}

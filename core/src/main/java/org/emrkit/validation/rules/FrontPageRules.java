package org.emrkit.validation.rules;

import java.util.List;
import org.emrkit.validation.Rule;

/**
 * The 住院病案首页 pack ({@code fp/*}): 《住院病案首页数据填写质量规范(暂行)》 and 《住院病案首页数据
 * 质量管理与控制指标(2016版)》(国卫办医发〔2016〕24号). Its rules check records whose template's
 * {@code documentType} is {@code front-page}; the fields they read are parameters (the bundled
 * 首页 template's names by default), and a province's points and thresholds replace the defaults
 * through {@code ValidatorOptions} and a {@code DeductionTable}. See docs/rules.md.
 */
public final class FrontPageRules {
  private FrontPageRules() {}

  /** The pack, in the order its rules run. */
  public static List<Rule> pack() {
    return List.of(new FrontPageItemRule(), new PrincipalDiagnosisRule(), new ExternalCauseRule(),
        new AdmissionConditionRule(), new OperationDateRule(), new FeeRule());
  }
}

package org.emrkit.validation.rules;

import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Value;
import org.emrkit.terminology.CodeFormats;
import org.emrkit.terminology.DataElements;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.RecordRule;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code cn/diagnosis-code}: a diagnosis (诊断名称 DE05.01.025.00 filled without a code, or a coded
 * diagnosis DE05.01.024.00 / system ICD-10) whose code is missing or not of ICD-10 form
 * ({@code J18.9}, {@code J18.900}, {@code I10.x00}, {@code I10.x00x032}).
 */
final class DiagnosisCodeRule implements RecordRule {
  static final RuleInfo INFO = Infos.info("cn/diagnosis-code", "诊断编码缺失或不规范",
      "diagnosis without a valid ICD-10 code", "电子病历应用管理规范(试行)(2017) 第十一条；GB/T 14396",
      Severity.ERROR, "2", false, "诊断“不稳定型心绞痛”的编码“I20”是类目，应编码到类目以下(如 I20.000)",
      "code I20 of diagnosis “不稳定型心绞痛” is a category; code below it (such as "
          + "I20.000)");
  private static final String NAME = "DE05.01.025.00";
  private static final String CODE = "DE05.01.024.00";

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext context, Reporter reporter) {
    boolean anyCode = false;
    for (FieldValue f : context.fields()) {
      if (!f.active() || !(f.value() instanceof Value.Coded c)) {
        continue;
      }
      boolean diagnosis = DataElements.hasRoot(f.field().dataElement(), CODE)
          || "ICD-10".equalsIgnoreCase(f.field().system());
      if (!diagnosis) {
        continue;
      }
      anyCode = true;
      String code = c.coding().code();
      if (Codes.table(context, f.field(), c.coding()).isPresent()) {
        continue; // checked against the host's list by field/code and field/code-category
      }
      String name = c.coding().display() == null ? "" : "“" + c.coding().display() + "”";
      if (!CodeFormats.isIcd10(code)) {
        reporter.report(f.path() + "/code", new Message("诊断" + name + "的编码“" + code
            + "”不是规范的 ICD-10 编码", "code " + code + " of diagnosis " + name
            + " is not an ICD-10 code of the required form"));
      } else if (CodeFormats.isIcd10Category(code)) {
        reporter.report(f.path() + "/code", new Message("诊断" + name + "的编码“" + code
            + "”是类目，应编码到类目以下(如 " + code + ".000)", "code " + code + " of diagnosis "
            + name + " is a category; code below it (such as " + code + ".000)"));
      }
    }
    if (anyCode) {
      return; // the diagnoses' names are looked at only when no diagnosis has a code
    }
    for (FieldValue f : context.fields()) {
      if (f.active() && DataElements.hasRoot(f.field().dataElement(), NAME) && f.isFilled()
          && f.value() instanceof Value.Str s) {
        reporter.report(f.path(), new Message("诊断“" + s.value() + "”没有 ICD-10 编码",
            "diagnosis " + s.value() + " has no ICD-10 code"));
      }
    }
  }
}

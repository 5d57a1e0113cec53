package org.emrkit.validation.rules;

import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Value;
import org.emrkit.terminology.CodeFormats;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code field/code}: a coded value whose code is not in the field's value set (template or host
 * terminology), or, without a value set, does not have the form of the field's code system
 * (ICD-10, ICD-9-CM-3).
 */
final class CodeRule extends ActiveFieldRule {
  static final RuleInfo INFO = Infos.info("field/code", "编码无效", "invalid code",
      "EMRKit (coded, valueset, system)", Severity.ERROR, "0", false,
      "“初步诊断”的编码“I20”不是有效的 ICD-10 编码", "code \"I20\" of 初步诊断 is not a valid ICD-10 code");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(FieldValue f, RecordContext context, Reporter reporter) {
    if (!(f.value() instanceof Value.Coded c)) {
      return;
    }
    String code = c.coding().code();
    String l = Infos.label(f);
    Boolean inSet = OptionRule.allowed(context, f.field(), code);
    if (inSet == Boolean.FALSE) {
      reporter.report(f.path() + "/code", new Message("“" + l + "”的编码“" + code + "”不在值集 "
          + f.field().valueSet().id() + " 中", "code \"" + code + "\" of " + l
          + " is not in value set " + f.field().valueSet().id()));
    } else if (inSet == null && f.field().system() != null
        && !CodeFormats.fits(f.field().system(), code)) {
      reporter.report(f.path() + "/code", new Message("“" + l + "”的编码“" + code + "”不是有效的 "
          + f.field().system() + " 编码", "code \"" + code + "\" of " + l + " is not a valid "
          + f.field().system() + " code"));
    }
  }
}

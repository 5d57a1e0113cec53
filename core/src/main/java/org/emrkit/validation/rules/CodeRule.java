package org.emrkit.validation.rules;

import java.util.List;
import java.util.Optional;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Coding;
import org.emrkit.terminology.CodeEntry;
import org.emrkit.terminology.CodeFormats;
import org.emrkit.terminology.CodeTable;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code field/code}: a coded value whose code is not in the list the field is bound to (the
 * code system and version, or the value set; the message suggests the closest codes), or, when
 * the host has no such list, does not have the form of the field's code system (ICD-10,
 * ICD-9-CM-3).
 */
final class CodeRule extends Codes {
  static final RuleInfo INFO = Infos.info("field/code", "编码无效", "invalid code",
      "GB/T 14396 疾病分类与代码；疾病分类与代码国家临床版 2.0、手术操作分类代码国家临床版 3.0；"
      + "扣分为 EMRKit 默认值(各地住院病历质量评分表常见每处 1–2 分)", Severity.ERROR, "2", false, "“诊断代码”的编码“Z99.999”不在 ICD-10 国家临床版 2.0(语料 corpus) 中；相近的编码：Z99.000 依赖呼吸器",
      "code \"Z99.999\" of 诊断代码 is not in ICD-10 国家临床版 2.0(语料 corpus); closes"
          + "t: Z99.000 依赖呼吸器");

  private static final int SUGGESTIONS = 3;

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(FieldValue f, Coding coding, Optional<CodeTable> table, String l,
      Reporter reporter) {
    String code = coding.code();
    if (table.isPresent()) {
      if (table.get().find(code).isEmpty()) {
        List<CodeEntry> near = table.get().closest(code, SUGGESTIONS);
        String title = table.get().title();
        reporter.report(f.path() + "/code", new Message("“" + l + "”的编码“" + code + "”不在 "
            + title + " 中" + (near.isEmpty() ? "" : "；相近的编码：" + list(near)),
            "code \"" + code + "\" of " + l + " is not in " + title
            + (near.isEmpty() ? "" : "; closest: " + list(near))));
      }
    } else if (f.field().system() != null && !CodeFormats.fits(f.field().system(), code)) {
      reporter.report(f.path() + "/code", new Message("“" + l + "”的编码“" + code + "”不是有效的 "
          + f.field().system() + " 编码", "code \"" + code + "\" of " + l + " is not a valid "
          + f.field().system() + " code"));
    }
  }
}

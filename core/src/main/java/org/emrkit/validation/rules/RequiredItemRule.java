package org.emrkit.validation.rules;

import java.util.List;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.RecordRule;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code cn/required-item}: a required item of the document type is empty. 现病史 vetoes; the
 * vital signs (体温, 脉率, 呼吸频率, 收缩压, 舒张压) veto when all are absent.
 */
final class RequiredItemRule implements RecordRule {
  static final RuleInfo INFO = Infos.info("cn/required-item",
      "必需项目缺失(现病史、全部生命体征缺失时单项否决)",
      "required item missing (veto: 现病史; all vital signs)", "病历书写基本规范(2010) 第十八条、第二十二条、第二十四条等",
      Severity.ERROR, "2", false, "缺少“现病史”(单项否决)",
      "missing history of present illness (现病史); veto (looked for DE02.10.071"
          + ".00、现病史)");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext context, Reporter reporter) {
    String type = context.documentType().orElse("");
    List<RequiredItems.Item> items = RequiredItems.BY_TYPE.get(type);
    if (items == null) {
      return;
    }
    Boolean anyVital = null; // looked for when a vital sign is missing
    for (RequiredItems.Item item : items) {
      if (!RequiredItems.applies(context, item) || RequiredItems.present(context, items, item)) {
        continue;
      }
      boolean vital = "vitals".equals(item.vetoGroup());
      if (vital && anyVital == null) {
        anyVital = false;
        for (RequiredItems.Item i : items) {
          anyVital |= "vitals".equals(i.vetoGroup()) && RequiredItems.present(context, items, i);
        }
      }
      boolean veto = item.veto() || (vital && !anyVital);
      String sought = RequiredItems.sought(item);
      // the clinician reads what is missing; where it was looked for (data elements, headings)
      // is for the template's author, in the English message a detail view shows
      Message m = new Message("缺少“" + item.zh() + "”" + (veto ? "(单项否决)" : ""), "missing " + item.en() + " (" + item.zh() + ")" + (veto ? "; veto" : "")
          + " (looked for " + sought + ")");
      if (veto) {
        reporter.reportVeto(RequiredItems.path(context, item), m);
      } else {
        reporter.report(RequiredItems.path(context, item), m);
      }
    }
  }
}

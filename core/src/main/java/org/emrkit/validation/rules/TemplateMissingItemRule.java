package org.emrkit.validation.rules;

import java.util.List;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.template.Template;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;
import org.emrkit.validation.TemplateRule;

/**
 * {@code cn/template-missing-item}: the template has no place (section or field with the item's
 * data-element id, or titled for it) for a required item of its document type. Checked on the
 * template alone ({@link org.emrkit.validation.Validator#checkTemplate}).
 */
final class TemplateMissingItemRule implements TemplateRule {
  static final RuleInfo INFO = Infos.info("cn/template-missing-item", "模板缺少必需项目的位置",
      "template has no place for a required item", "病历书写基本规范(2010) 第十八条等",
      Severity.ERROR, "0", false, "模板 admission-without-family 没有“家族史”(DE02.10.103.00)的位置",
      "template admission-without-family has no place for 家族史 (DE02.10.103.00"
          + ")");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Template template, Reporter reporter) {
    List<RequiredItems.Item> items = RequiredItems.BY_TYPE.get(
        template.documentType() == null ? "" : template.documentType());
    if (items == null) {
      return;
    }
    for (RequiredItems.Item item : items) {
      if (!RequiredItems.hasPlace(template, item)) {
        String where = item.dataElements().isEmpty() ? "“" + String.join("/", item.titles()) + "”"
            : String.join(", ", item.dataElements());
        reporter.report("/blocks", new Message("模板 " + template.id() + " 没有“" + item.zh() + "”("
            + where + ")的位置", "template " + template.id() + " has no place for " + item.zh()
            + " (" + where + ")"));
      }
    }
  }
}

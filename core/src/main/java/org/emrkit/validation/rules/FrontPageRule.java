package org.emrkit.validation.rules;

import org.emrkit.validation.RecordContext;
import org.emrkit.validation.RecordRule;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/** A rule of the front-page pack: it checks 住院病案首页 records only (package-private). */
abstract class FrontPageRule implements RecordRule {
  private final RuleInfo info;

  FrontPageRule(RuleInfo info) {
    this.info = info;
  }

  @Override
  public final RuleInfo info() {
    return info;
  }

  @Override
  public final void check(RecordContext context, Reporter reporter) {
    if (FrontPage.applies(context)) {
      checkFrontPage(context, reporter);
    }
  }

  /** Checks a 住院病案首页. */
  abstract void checkFrontPage(RecordContext context, Reporter reporter);
}

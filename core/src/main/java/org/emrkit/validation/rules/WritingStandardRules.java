package org.emrkit.validation.rules;

import java.util.List;
import org.emrkit.validation.Rule;

/**
 * The writing-standard pack ({@code cn/*}): 《病历书写基本规范》(卫医政发〔2010〕11号) and
 * 《电子病历应用管理规范(试行)》(国卫办医发〔2017〕8号). Every number is a default a host can
 * override; the codes are stable. See docs/rules.md.
 */
public final class WritingStandardRules {
  private WritingStandardRules() {}

  /** The pack, in the order its rules run. */
  public static List<Rule> pack() {
    return List.of(new RequiredItemRule(), new TemplateMissingItemRule(), new TimeLimitRule(),
        new ChiefComplaintLengthRule(), new ChiefComplaintDurationRule(), new DiagnosisCodeRule(),
        new SignatureRule(), new CountersignRule(), new ProgressNoteGapRule(),
        new FirstAttendingRoundRule(), new AmendReasonRule(), new TraceIntegrityRule(),
        new ArchivedChangeRule());
  }
}

package org.emrkit.editor;

import java.util.List;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.validation.Finding;
import org.emrkit.validation.ValidationReport;

/** The field-rule errors that stop a signature or an archive (package-private). */
final class FieldErrors {
  private FieldErrors() {}

  /**
   * While a field of the scope (the record, or the entry signed) has a field-rule error (血压
   * "测试"), signing and archiving are refused with the errors listed by field label, unless
   * the host turned the check off; null when nothing stops it.
   */
  static Outcome of(ValidationReport report, String scope, String zh, String en) {
    String under = scope.startsWith("/") ? "/values" + scope + "/" : "/";
    List<Message> errors = report.findings().stream()
        .filter(f -> f.severity() == Severity.ERROR && f.code().startsWith("field/")
            && (f.path() + "/").startsWith(under))
        .map(Finding::message).distinct().toList();
    if (errors.isEmpty()) {
      return null;
    }
    String more = errors.size() > 1 ? "等 " + errors.size() + " 处" : "";
    return Outcome.refused("edit/field-errors", Message.of("填写有误，改正后才能" + zh + "："
        + errors.get(0).zh() + more, "correct the fields first: the record cannot be " + en
        + " while " + errors.get(0).en() + (errors.size() > 1 ? " (and " + (errors.size() - 1)
        + " more)" : "")), errors.stream().map(Message::zh).toList());
  }

  /**
   * What stops an archive besides field errors: the record is not signed as it must be (a
   * signature missing, or one an amendment superseded and nobody signed again); null when
   * nothing does. An archived record can never be signed again.
   */
  static Outcome unsigned(ValidationReport report) {
    List<Message> missing = report.findings().stream()
        .filter(f -> f.severity() == Severity.ERROR && f.code().equals("cn/signature"))
        .map(Finding::message).distinct().toList();
    if (missing.isEmpty()) {
      return null;
    }
    return Outcome.refused("edit/unsigned", Message.of("签名不全，不能归档：" + missing.get(0).zh()
        + (missing.size() > 1 ? "等 " + missing.size() + " 处" : ""), "the record is not signed"
        + " as it must be and cannot be archived: " + missing.get(0).en()),
        missing.stream().map(Message::zh).toList());
  }
}

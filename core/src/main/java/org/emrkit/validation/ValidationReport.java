package org.emrkit.validation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.emrkit.problem.Severity;

/**
 * The outcome of validating a record (or chart, or template): every finding, the score (100 less
 * the deductions, not below 0) and the grade. Immutable.
 *
 * @param findings the findings, in the order the rules ran
 * @param score the score, 0 to 100
 * @param grade the grade
 */
public record ValidationReport(List<Finding> findings, BigDecimal score, Grade grade) {

  /** Copies the findings. */
  public ValidationReport {
    findings = List.copyOf(findings);
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(grade, "grade");
  }

  /** Whether any finding is an error. */
  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  /** The findings with this code. */
  public List<Finding> withCode(String code) {
    return findings.stream().filter(f -> f.code().equals(code)).toList();
  }

  /** Plain text: a summary line, then one line per finding. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("评分 score ").append(score.toPlainString()).append("　等级 grade ")
        .append(grade.label()).append("　问题 findings ").append(findings.size()).append('\n');
    for (Finding f : findings) {
      sb.append(f).append('\n');
    }
    return sb.toString();
  }
}

package org.emrkit.edit;

import java.util.Objects;
import org.emrkit.problem.Message;

/**
 * One thing the audit of a record found changed, missing or unvouched for.
 *
 * @param kind what kind of thing: {@code chain} (an entry's hash, link or order), {@code trace}
 *     (a revision that does not fit the record as the trace had it), {@code record} (id or
 *     template), {@code context}, {@code completed-at}, {@code status}, {@code values},
 *     {@code signature-value} (a signature field's value no signature put there),
 *     {@code signature} (a signature's content, field or superseded flag), {@code proof}
 *     (a digital signature), {@code anchor}
 * @param pointer JSON pointer into the record of what was found ({@code /context/patient/name},
 *     {@code /revisions/3}, {@code ""} for the record)
 * @param message what was found, naming what was changed, in Chinese and English
 */
public record AuditFinding(String kind, String pointer, Message message) {

  /** Checks the members. */
  public AuditFinding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }
}

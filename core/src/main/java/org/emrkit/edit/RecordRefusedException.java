package org.emrkit.edit;

import org.emrkit.problem.Message;
import org.emrkit.problem.PointerException;

/**
 * A record an edit session will not open: a value of a kind its field does not hold
 * ({@code edit/type}) or under a name its template does not have ({@code edit/unknown-path}),
 * with the JSON pointer of the first one
 * ({@code /values/temp}); or a record of another template ({@code edit/template-mismatch},
 * {@code /template}). The JSON reader lets no such record in; one a host built through the
 * API may hold them, and a session's edits would have met them half way.
 */
public final class RecordRefusedException extends PointerException {

  private static final long serialVersionUID = 1L;

  RecordRefusedException(Refusal r) {
    this(r.code(), "/values" + r.path(), Message.of("病历的值与模板不符，不能打开编辑：" + r.zh(),
        "the record's values do not fit its template; it cannot be opened for editing: "
            + r.en()));
  }

  /** A record that would not read back once saved ({@link ValueChecks#readable}). */
  static RecordRefusedException unreadable(Refusal r) {
    return new RecordRefusedException(r.code(), r.path().isEmpty() ? "" : "/values" + r.path(),
        Message.of("病历保存后无法读回，不能打开编辑：" + r.zh(),
            "the record would not read back once saved; it cannot be opened for editing: "
                + r.en()));
  }

  RecordRefusedException(String code, String pointer, Message message) {
    super(code, pointer, message, null);
  }
}

package org.emrkit.docx;

import java.util.Objects;
import org.emrkit.problem.Location;
import org.emrkit.problem.Message;
import org.emrkit.problem.Problem;
import org.emrkit.problem.Severity;

/**
 * A problem found while importing a Word form, for its author: the file, where in the document
 * ({@code paragraph 12 “过敏史：…”}, {@code table 2, row 3, cell 1}, {@code page header}), how
 * serious, a stable code and a message in Chinese and English.
 *
 * @param file the file name as given to the importer
 * @param where where in the document
 * @param severity error (no template), warning (something was changed or left out) or info
 * @param code stable code, {@code docx/...}
 * @param zh the message in Chinese
 * @param en the message in English
 */
public record ImportDiagnostic(String file, String where, Severity severity, String code,
    String zh, String en) implements Problem {

  /** Checks the members. */
  public ImportDiagnostic {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(zh, "zh");
    Objects.requireNonNull(en, "en");
  }

  /** The file and the place in it. */
  @Override
  public Location location() {
    return new Location.Place(file, where);
  }

  /** {@link #zh()} and {@link #en()}. */
  @Override
  public Message message() {
    return new Message(zh, en);
  }

  /** {@code file: where: severity code: 中文(English)}. */
  @Override
  public String toString() {
    return file + ": " + where + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + " "
        + code + ": " + zh + "(" + en + ")";
  }
}

package org.emrkit.edit;

import java.util.Objects;
import org.emrkit.problem.Location;
import org.emrkit.problem.Message;
import org.emrkit.problem.Problem;
import org.emrkit.problem.Severity;

/**
 * Why an edit was refused: a stable code, the path it concerns, and a message in Chinese and
 * English for the clinician.
 *
 * @param code stable code, e.g. {@code edit/permission}, {@code edit/reason-required}
 * @param path JSON pointer into the record's values of what the edit concerned ({@code ""} for
 *     the record)
 * @param zh the message in Chinese
 * @param en the message in English
 */
public record Refusal(String code, String path, String zh, String en) implements Problem {

  /** Checks that all parts are present. */
  public Refusal {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(zh, "zh");
    Objects.requireNonNull(en, "en");
  }

  /** Always an error: the edit did not happen. */
  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  /** The JSON pointer of {@link #path()}. */
  @Override
  public Location location() {
    return new Location.Pointer(path);
  }

  /** {@link #zh()} and {@link #en()}. */
  @Override
  public Message message() {
    return new Message(zh, en);
  }

  @Override
  public String toString() {
    return code + " " + (path.isEmpty() ? "(record)" : path) + ": " + zh + " / " + en;
  }
}

package org.emrkit.record;

import java.util.Objects;

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
public record Refusal(String code, String path, String zh, String en) {

  /** Checks that all parts are present. */
  public Refusal {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(zh, "zh");
    Objects.requireNonNull(en, "en");
  }

  @Override
  public String toString() {
    return code + " " + (path.isEmpty() ? "(record)" : path) + ": " + zh + " / " + en;
  }
}

package org.emrkit.terminology;

/**
 * How a Chinese character may be read in 拼音, for search by initials ({@code xjt} → 心绞痛) and
 * full 拼音: every reading of a polyphonic character ({@code 重} → zhong, chong), lower case,
 * without tones, {@code ü} written {@code v}. {@link #none()} reads nothing (search by code and
 * Chinese text only); {@code emrkit-terminology} provides readings from pinyin4j.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Readings {

  /** The readings of {@code c}; empty when it has none (not Chinese, or unknown). */
  String[] of(char c);

  /** Reads nothing. */
  static Readings none() {
    return c -> new String[0];
  }
}

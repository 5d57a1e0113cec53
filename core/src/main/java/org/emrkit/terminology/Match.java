package org.emrkit.terminology;

import java.util.Objects;

/**
 * One search hit: the entry, how it matched, and which part of which text matched, so a list
 * can mark it ({@code 不稳定型<mark>心绞痛</mark>} for {@code xjt}).
 *
 * @param entry the entry found
 * @param kind how it matched (the order of {@link Kind} is the ranking)
 * @param text the text the query matched: the code, the name or a synonym
 * @param start first matched character of {@code text}
 * @param end one past the last matched character
 */
public record Match(CodeEntry entry, Kind kind, String text, int start, int end) {

  /** How a query matched, best first. */
  public enum Kind {
    /** the code itself ({@code I20.000}, case ignored) */
    CODE,
    /** the start of the code ({@code I20}) */
    CODE_PREFIX,
    /** the start of the name or a synonym ({@code 不稳定}) */
    NAME_PREFIX,
    /** 拼音 initials or full 拼音 from the start of the name ({@code bwd}, {@code buwending}) */
    PINYIN_PREFIX,
    /** 拼音 initials or full 拼音 inside the name ({@code xjt}) */
    PINYIN,
    /** Chinese text inside the name ({@code 心绞痛}) */
    SUBSTRING
  }

  /** Checks the range. */
  public Match {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    if (start < 0 || end < start || end > text.length()) {
      throw new IllegalArgumentException("bad range " + start + ".." + end);
    }
  }
}

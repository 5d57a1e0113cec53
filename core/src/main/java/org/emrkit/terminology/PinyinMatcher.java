package org.emrkit.terminology;

/**
 * Matches one 拼音 query against texts exactly (package-private), from each text's first start
 * that matches. A failed (character, query position) is remembered for the text at hand, so a
 * name of polyphonic characters costs no more than a pass per reading.
 */
final class PinyinMatcher {
  private final String q;
  private final int[] memo;
  private final int need;
  private int stamp;
  /** Steps taken, against {@link #BUDGET}. */
  private long steps;

  /**
   * The most matching steps one query takes (a few milliseconds): past it the search returns
   * what it has found, so no list, however its names are made, holds a query up.
   */
  static final long BUDGET = 2_000_000;

  PinyinMatcher(String q) {
    this.q = q;
    this.memo = new int[(IndexedText.MAX_READ + 1) * (q.length() + 1)];
    this.need = IndexedText.letters(q);
  }

  void offer(IndexedText t, Top top) {
    if ((t.letters() & need) != need) {
      return; // a letter of the query is in none of the text's readings
    }
    String[][] r = t.readings();
    char first = q.charAt(0);
    // a failed (character, query position) fails from any start: one memo for the text
    stamp++;
    for (int i = 0; i < r.length && steps < BUDGET; i++) {
      if (!startsWith(r[i], first)) {
        continue;
      }
      int end = consume(r, i, 0);
      if (end > 0) {
        top.offer(Top.pinyin(t, i, end - i));
        return;
      }
    }
  }

  private static boolean startsWith(String[] readings, char c) {
    for (String s : readings) {
      if (s.charAt(0) == c) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where a match of {@code q[k..]} starting at character {@code i} ends (exclusive), or -1.
   * Each character takes a non-empty start of one of its readings (its initial, its whole
   * reading, or what has been typed of it); a character with no reading (punctuation) is
   * passed over, but never starts a match.
   */
  /** Steps taken so far. */
  long steps() {
    return steps;
  }

  /** Whether the query has used its steps. */
  boolean exhausted() {
    return steps >= BUDGET;
  }

  private int consume(String[][] r, int i, int k) {
    if (++steps >= BUDGET) {
      return -1;
    }
    if (k == q.length()) {
      return i;
    }
    if (i >= r.length) {
      return -1;
    }
    int slot = i * (q.length() + 1) + k;
    if (memo[slot] == stamp) {
      return -1;
    }
    if (r[i].length == 0) {
      int end = k == 0 ? -1 : consume(r, i + 1, k);
      if (end >= 0) {
        return end;
      }
    }
    for (String s : r[i]) {
      int n = 0;
      while (n < s.length() && k + n < q.length() && s.charAt(n) == q.charAt(k + n)) {
        n++;
        int end = consume(r, i + 1, k + n);
        if (end >= 0) {
          return end;
        }
      }
    }
    memo[slot] = stamp;
    return -1;
  }
}

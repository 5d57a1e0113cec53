package org.emrkit.terminology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The search structures of a {@link CodeTable}, built once (package-private). Codes are kept
 * upper-cased in code order for binary search; every name and synonym keeps, per character, its
 * 拼音 readings, a mask of the letters those readings use and a 64-bit mask of its characters, so
 * a query skips most texts with two AND operations before any matching. Hits are ranked by a
 * packed {@code long} (kind, text length, start, entry) in a bounded heap: no object per
 * candidate.
 */
final class SearchIndex {

  static final Comparator<String> CODE_ORDER =
      Comparator.comparing((String s) -> s.toUpperCase(Locale.ROOT)).thenComparing(s -> s);

  private static final int MAX_QUERY = 64;
  private static final int MAX_LIMIT = 100;
  private static final int MAX_TEXT = 200;
  private static final String[] NONE = new String[0];

  private final List<CodeEntry> entries;
  private final String[] codes;
  private final Map<String, Integer> exact = new HashMap<>();
  private final Text[] texts;

  /** A name or synonym of entry {@code entry}. */
  private record Text(int entry, int slot, String text, String[][] readings, int letters,
      long chars) {}

  SearchIndex(List<CodeEntry> sorted, Readings readings) {
    this.entries = List.copyOf(sorted);
    this.codes = new String[sorted.size()];
    List<Text> t = new ArrayList<>(sorted.size() * 5 / 4);
    Map<Character, String[]> cache = new HashMap<>();
    for (int i = 0; i < codes.length; i++) {
      CodeEntry e = sorted.get(i);
      codes[i] = e.code().toUpperCase(Locale.ROOT);
      exact.putIfAbsent(codes[i], i);
      t.add(text(i, 0, e.name(), readings, cache));
      for (int s = 0; s < e.synonyms().size(); s++) {
        t.add(text(i, s + 1, e.synonyms().get(s), readings, cache));
      }
    }
    this.texts = t.toArray(Text[]::new);
  }

  List<CodeEntry> entries() {
    return entries;
  }

  private static Text text(int entry, int slot, String s, Readings readings,
      Map<Character, String[]> cache) {
    int n = Math.min(s.length(), MAX_TEXT);
    String[][] r = new String[n][];
    int letters = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      r[i] = cache.computeIfAbsent(c, k -> reading(k, readings));
      for (String x : r[i]) {
        letters |= letters(x);
      }
    }
    return new Text(entry, slot, s, r, letters, charMask(s));
  }

  private static String[] reading(char c, Readings readings) {
    if (c < 128) {
      return Character.isLetterOrDigit(c)
          ? new String[] {String.valueOf(Character.toLowerCase(c))} : NONE;
    }
    String[] r = readings.of(c);
    return r == null || r.length == 0 ? NONE : r.clone();
  }

  private static int letters(String s) {
    int m = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z') {
        m |= 1 << (c - 'a');
      }
    }
    return m;
  }

  private static long charMask(String s) {
    long m = 0;
    for (int i = 0; i < s.length(); i++) {
      m |= 1L << (s.charAt(i) * 0x9E37 >>> 5 & 63);
    }
    return m;
  }

  List<Match> search(String query, int limit, boolean skipCategories) {
    if (query == null) {
      return List.of();
    }
    String q = query.strip();
    if (q.isEmpty() || q.length() > MAX_QUERY || limit < 1) {
      return List.of();
    }
    Top top = new Top(Math.min(limit, MAX_LIMIT),
        skipCategories ? i -> !entries.get(i).category() : i -> true);
    codes(q.toUpperCase(Locale.ROOT), top);
    if (!top.full()) {
      if (hasHan(q)) {
        names(q, top);
      } else {
        String p = pinyinQuery(q);
        if (p != null) {
          pinyin(p, top);
        }
      }
    }
    long[] keys = top.sorted();
    List<Match> out = new ArrayList<>(keys.length);
    for (long k : keys) {
      out.add(match(k));
    }
    return out;
  }

  // packed key: kind 3 bits | text length 10 | start 9 | entry 21 | slot 5 | match length 15
  private static long key(Match.Kind kind, int textLength, int start, int entry, int slot,
      int length) {
    return (long) kind.ordinal() << 60 | (long) Math.min(textLength, 1023) << 50
        | (long) Math.min(start, 511) << 41 | (long) entry << 20 | (long) slot << 15 | length;
  }

  private Match match(long k) {
    Match.Kind kind = Match.Kind.values()[(int) (k >>> 60)];
    int start = (int) (k >>> 41 & 511);
    int entry = (int) (k >>> 20 & 0x1FFFFF);
    int slot = (int) (k >>> 15 & 31);
    int length = (int) (k & 0x7FFF);
    CodeEntry e = entries.get(entry);
    if (kind == Match.Kind.CODE || kind == Match.Kind.CODE_PREFIX) {
      return new Match(e, kind, e.code(), 0, length);
    }
    String text = slot == 0 ? e.name() : e.synonyms().get(slot - 1);
    return new Match(e, kind, text, start, start + length);
  }

  private void codes(String upper, Top top) {
    Integer hit = exact.get(upper);
    if (hit != null) {
      top.offer(key(Match.Kind.CODE, 0, 0, hit, 0, upper.length()), hit);
    }
    int i = Arrays.binarySearch(codes, upper);
    for (i = i < 0 ? -i - 1 : i + 1; i < codes.length && codes[i].startsWith(upper)
        && !top.full(); i++) {
      top.offer(key(Match.Kind.CODE_PREFIX, 0, 0, i, 0, upper.length()), i);
    }
  }

  private static boolean hasHan(String q) {
    return q.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
        == Character.UnicodeScript.HAN);
  }

  private void names(String q, Top top) {
    long need = charMask(q);
    for (Text t : texts) {
      if ((t.chars & need) != need) {
        continue;
      }
      int at = t.text.indexOf(q);
      if (at >= 0) {
        top.offer(key(at == 0 ? Match.Kind.NAME_PREFIX : Match.Kind.SUBSTRING, t.text.length(),
            at, t.entry, t.slot, q.length()), t.entry);
      }
    }
  }

  /** Lower case, without spaces and apostrophes, ü as v; null unless letters and digits. */
  private static String pinyinQuery(String q) {
    StringBuilder b = new StringBuilder(q.length());
    for (int i = 0; i < q.length(); i++) {
      char c = Character.toLowerCase(q.charAt(i));
      if (c == 'ü') {
        c = 'v';
      }
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        b.append(c);
      } else if (c != ' ' && c != '\'') {
        return null;
      }
    }
    return b.length() == 0 ? null : b.toString();
  }

  private void pinyin(String q, Top top) {
    int need = letters(q);
    int[] memo = new int[(MAX_TEXT + 1) * (q.length() + 1)];
    int[] stamp = {0};
    char first = q.charAt(0);
    for (Text t : texts) {
      if ((t.letters & need) != need) {
        continue;
      }
      String[][] r = t.readings;
      for (int i = 0; i < r.length; i++) {
        if (!startsWith(r[i], first)) {
          continue;
        }
        stamp[0]++;
        int end = consume(r, i, q, 0, memo, stamp[0]);
        if (end > 0) {
          top.offer(key(i == 0 ? Match.Kind.PINYIN_PREFIX : Match.Kind.PINYIN, t.text.length(),
              i, t.entry, t.slot, end - i), t.entry);
          break;
        }
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
   * Where a match of {@code q[k..]} starting at character {@code i} ends (exclusive), or -1. Each
   * character takes a non-empty start of one of its readings (its initial, its whole reading, or
   * what has been typed of it); a character with no reading (punctuation) is passed over.
   */
  private static int consume(String[][] r, int i, String q, int k, int[] memo, int stamp) {
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
      int end = k == 0 ? -1 : consume(r, i + 1, q, k, memo, stamp);
      if (end >= 0) {
        return end;
      }
    }
    for (String s : r[i]) {
      int n = 0;
      while (n < s.length() && k + n < q.length() && s.charAt(n) == q.charAt(k + n)) {
        n++;
        int end = consume(r, i + 1, q, k + n, memo, stamp);
        if (end >= 0) {
          return end;
        }
      }
    }
    memo[slot] = stamp;
    return -1;
  }

  List<CodeEntry> closest(String code, int n) {
    if (code == null || code.isBlank() || n < 1) {
      return List.of();
    }
    String c = code.strip().toUpperCase(Locale.ROOT);
    int at = Arrays.binarySearch(codes, c);
    int ins = at < 0 ? -at - 1 : at;
    int from = Math.max(0, ins - 64);
    int to = Math.min(codes.length, ins + 64);
    List<int[]> scored = new ArrayList<>();
    for (int i = from; i < to; i++) {
      int common = 0;
      while (common < c.length() && common < codes[i].length()
          && c.charAt(common) == codes[i].charAt(common)) {
        common++;
      }
      if (common > 0 && i != at) {
        scored.add(new int[] {common, Math.abs(i - ins), i});
      }
    }
    scored.sort((a, b) -> a[0] != b[0] ? b[0] - a[0] : a[1] != b[1] ? a[1] - b[1] : a[2] - b[2]);
    List<CodeEntry> out = new ArrayList<>();
    for (int k = 0; k < scored.size() && out.size() < n; k++) {
      out.add(entries.get(scored.get(k)[2]));
    }
    return out;
  }

  /** The best {@code limit} keys, one per entry (its best). */
  private static final class Top {
    private final int limit;
    private final java.util.function.IntPredicate allowed;
    private final long[] heap;
    private final int[] who;
    private int size;

    Top(int limit, java.util.function.IntPredicate allowed) {
      this.limit = limit;
      this.allowed = allowed;
      this.heap = new long[limit];
      this.who = new int[limit];
    }

    boolean full() {
      return size == limit;
    }

    void offer(long key, int entry) {
      if ((size == limit && key >= heap[0]) || !allowed.test(entry)) {
        return; // not better than the worst kept, nor than this entry's own key if kept
      }
      for (int i = 0; i < size; i++) {
        if (who[i] == entry) {
          if (key < heap[i]) {
            heap[i] = key;
            siftDown(i);
          }
          return;
        }
      }
      if (size < limit) {
        heap[size] = key;
        who[size] = entry;
        siftUp(size++);
      } else if (key < heap[0]) {
        heap[0] = key;
        who[0] = entry;
        siftDown(0);
      }
    }

    private void siftUp(int i) {
      while (i > 0) {
        int p = (i - 1) / 2;
        if (heap[p] >= heap[i]) {
          return;
        }
        swap(i, p);
        i = p;
      }
    }

    private void siftDown(int i) {
      while (true) {
        int l = 2 * i + 1;
        int r = l + 1;
        int m = i;
        if (l < size && heap[l] > heap[m]) {
          m = l;
        }
        if (r < size && heap[r] > heap[m]) {
          m = r;
        }
        if (m == i) {
          return;
        }
        swap(i, m);
        i = m;
      }
    }

    private void swap(int a, int b) {
      long k = heap[a];
      heap[a] = heap[b];
      heap[b] = k;
      int w = who[a];
      who[a] = who[b];
      who[b] = w;
    }

    long[] sorted() {
      long[] out = Arrays.copyOf(heap, size);
      Arrays.sort(out);
      return out;
    }
  }
}

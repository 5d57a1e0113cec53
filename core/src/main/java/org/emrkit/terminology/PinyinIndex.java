package org.emrkit.terminology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Search by 拼音 without reading every name (package-private). A query is cut every way into
 * pieces that each start a reading ({@code xinjt} → xin|j|t; x|in… is no cut: no reading starts
 * with "in"). A one-piece query ({@code x}, {@code zhong}) and two one-letter pieces ({@code
 * xj}) are answered from lists ranked when the index was built; a longer cut draws its
 * candidates from the texts where its pieces follow each other (every two heads in a row, a head
 * being a piece's first letter or its first three, and every three initials in a row), narrowing
 * them piece by piece, and each candidate is matched exactly. A query whose cuts take too long to walk
 * is matched against every text.
 */
final class PinyinIndex {

  /** Ranked hits kept per start of a reading (twice the most a search returns). */
  private static final int KEEP = 200;
  /** The longest reading (zhuang). */
  private static final int MAX_PIECE = 6;
  /** The most steps a query's cuts are walked in before every text is read instead. */
  private static final int MAX_STEPS = 20_000;
  private static final int[] NONE = new int[0];
  /** The longest head. */
  private static final int MAX_HEAD = 3;
  /** The most distinct heads (pinyin has about 600 of up to three letters). */
  private static final int MAX_HEADS = 1 << 15;

  private final IndexedText[] texts;
  private final int[] lengths;
  private final int[] entryOf;
  private final Map<String, long[]> single = new HashMap<>();
  /** Ranked hits of two one-letter pieces in a row ({@code xj}), by pair of initials. */
  private final Map<Integer, long[]> twoInitials = new HashMap<>();
  private final Map<Integer, int[]> grams = new HashMap<>();
  /** Heads (a reading's first letter, or its first three) by id; ids past the last share one. */
  private final Map<String, Integer> headIds = new HashMap<>();

  PinyinIndex(IndexedText[] texts, int[] lengths, int[] entryOf) {
    this.texts = texts;
    this.lengths = lengths;
    this.entryOf = entryOf;
    Build b = new Build();
    for (int ti = 0; ti < texts.length; ti++) {
      b.text(ti, texts[ti]);
    }
    b.singles.forEach((p, top) -> single.put(p, top.sorted()));
    b.pairs.forEach((p, top) -> twoInitials.put(p, top.sorted()));
    grams.putAll(b.grams.build());
  }

  /** What building the index collects, text by text. */
  private final class Build {
    final Map<String, Top> singles = new HashMap<>();
    final Map<Integer, Top> pairs = new HashMap<>();
    final IntLists<Integer> grams = new IntLists<>();
    private final Map<String[], int[]> initials = new IdentityHashMap<>();
    private final Map<String[], int[]> heads = new IdentityHashMap<>();
    private final Map<String, String[]> prefixes = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final Set<Integer> seenPairs = new HashSet<>();

    void text(int ti, IndexedText t) {
      seen.clear();
      seenPairs.clear();
      List<Integer> at = new ArrayList<>();
      for (int i = 0; i < t.readings().length; i++) {
        String[] r = t.readings()[i];
        if (r.length == 0) {
          continue;
        }
        at.add(i);
        // each start of a reading, ranked at the first character it starts
        for (String reading : r) {
          for (String p : prefixes.computeIfAbsent(reading, PinyinIndex::prefixesOf)) {
            if (seen.add(p)) {
              ranked(singles, p).offer(Top.pinyin(t, i, 1));
            }
          }
        }
      }
      for (int k = 0; k + 1 < at.size(); k++) {
        String[] first = t.readings()[at.get(k)];
        String[] second = t.readings()[at.get(k + 1)];
        for (int x : heads.computeIfAbsent(first, PinyinIndex.this::headsOf)) {
          for (int y : heads.computeIfAbsent(second, PinyinIndex.this::headsOf)) {
            grams.add(pair(x, y), ti);
          }
        }
        int[] ia = initials.computeIfAbsent(first, PinyinIndex::initialsOf);
        int[] ib = initials.computeIfAbsent(second, PinyinIndex::initialsOf);
        int[] ic = k + 2 < at.size() ? initials.computeIfAbsent(t.readings()[at.get(k + 2)],
            PinyinIndex::initialsOf) : NONE;
        for (int x : ia) {
          for (int y : ib) {
            if (seenPairs.add(x * 36 + y)) {
              ranked(pairs, x * 36 + y).offer(Top.pinyin(t, at.get(k),
                  at.get(k + 1) - at.get(k) + 1));
            }
            for (int z : ic) {
              grams.add(gram(x, y, z), ti);
            }
          }
        }
      }
    }

    private <K> Top ranked(Map<K, Top> lists, K key) {
      return lists.computeIfAbsent(key, k -> new Top(KEEP, e -> true));
    }
  }

  private static String[] prefixesOf(String reading) {
    int n = Math.min(reading.length(), MAX_PIECE);
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      out[i] = reading.substring(0, i + 1);
    }
    return out;
  }

  private static int[] initialsOf(String[] readings) {
    return Arrays.stream(readings).mapToInt(r -> symbol(r.charAt(0))).distinct().toArray();
  }

  /**
   * The heads of readings: each one's first letter and, when it has three or more, its first
   * three, so zhong and zhang part at zho and zha though both start with z. A query's piece of
   * two letters is looked up by its first (a superset), so two-letter heads need no postings.
   */
  private int[] headsOf(String[] readings) {
    return Arrays.stream(readings).flatMapToInt(r -> r.length() < MAX_HEAD
        ? java.util.stream.IntStream.of(headId(r.substring(0, 1)))
        : java.util.stream.IntStream.of(headId(r.substring(0, 1)),
            headId(r.substring(0, MAX_HEAD)))).distinct().toArray();
  }

  private int headId(String head) {
    Integer id = headIds.get(head);
    if (id == null) {
      id = Math.min(headIds.size(), MAX_HEADS - 1); // past the last, heads share an id
      headIds.put(head, id);
    }
    return id;
  }

  /** The head id of a query's piece (its first three letters, or one), -1 if no text has it. */
  private int headOf(String q, int k, int n) {
    Integer id = headIds.get(q.substring(k, k + (n < MAX_HEAD ? 1 : MAX_HEAD)));
    return id == null ? -1 : id;
  }

  /** a–z as 0–25, 0–9 as 26–35. */
  private static int symbol(char c) {
    return c >= 'a' ? c - 'a' : 26 + c - '0';
  }

  /**
   * Two heads in a row. Keys are multiplied by an odd constant (a bijection): the raw keys
   * differ only in high bits, which HashMap's hash spreads too little, so buckets turned into
   * trees.
   */
  private static int pair(int a, int b) {
    return (1 << 30 | a << 15 | b) * 0x9E3779B1;
  }

  /** Three initials in a row. */
  private static int gram(int a, int b, int c) {
    return (2 << 21 | (a * 36 + b) * 36 + c) * 0x9E3779B1;
  }

  /** Offers every text the query (lower case letters and digits) matches. */
  void search(String q, Top top) {
    Walk w = new Walk(q, top);
    if (!w.cut(0, 0, -1, -1, -1, null)) {
      scan(q, top);
    }
  }

  /**
   * The cuts of one query, walked depth first: each piece added narrows the candidates to the
   * texts where its head follows the previous piece's (and its initial the two before), so a cut
   * no text can match is dropped as soon as it is made.
   */
  private final class Walk {
    private final String q;
    private final Top top;
    private final PinyinMatcher matcher;
    private final long[] tried = new long[(texts.length + 63) / 64];
    private int steps;

    Walk(String q, Top top) {
      this.q = q;
      this.top = top;
      this.matcher = new PinyinMatcher(q);
    }

    /**
     * Cuts {@code q[k..]} after {@code depth} pieces whose last head is {@code prev} (its
     * initial {@code prevInitial}, the initial before it {@code prev2}), {@code cands} the texts
     * they leave (null: all). False when the walk grew too long (then every text is read).
     */
    boolean cut(int k, int depth, int prev, int prevInitial, int prev2, int[] cands) {
      if (++steps > MAX_STEPS) {
        return false;
      }
      if (k == q.length()) {
        return finish(depth, cands);
      }
      for (int n = 1; n <= MAX_PIECE && k + n <= q.length(); n++) {
        if (!single.containsKey(q.substring(k, k + n))) {
          break; // no reading starts with this piece, so none with a longer one
        }
        int h = headOf(q, k, n);
        if (h < 0 && (depth >= 1 || k + n < q.length())) {
          continue; // a head no text has next to another reading
        }
        int initial = symbol(q.charAt(k));
        int[] next = cands;
        if (depth >= 1) {
          int[] p = grams.getOrDefault(pair(prev, h), NONE);
          next = next == null ? p : IntLists.intersect(next, p);
          if (depth >= 2 && next.length > 0) {
            next = IntLists.intersect(next, grams.getOrDefault(gram(prev2, prevInitial, initial),
                NONE));
          }
          if (next.length == 0) {
            continue; // no text has these pieces in a row
          }
        }
        if (!cut(k + n, depth + 1, h, initial, prevInitial, next)) {
          return false;
        }
      }
      return true;
    }

    /** A whole cut: its ranked list when it has one, else its candidates matched exactly. */
    private boolean finish(int depth, int[] cands) {
      // one piece (x, zhong), or two one-letter pieces (xj): ranked when the index was built
      long[] ranked = depth == 1 ? single.get(q) : depth == 2 && q.length() == 2
          ? twoInitials.get(symbol(q.charAt(0)) * 36 + symbol(q.charAt(1))) : null;
      if (ranked != null) {
        for (long key : ranked) {
          top.offer(key);
        }
        return ranked.length < KEEP || top.full(); // else the kept list ran out: read all
      }
      if (cands != null) {
        for (int ti : cands) {
          if (matcher.exhausted()) {
            return true;
          }
          if (cannotEnter(ti, top)) {
            continue;
          }
          if ((tried[ti >>> 6] & 1L << ti) == 0) {
            tried[ti >>> 6] |= 1L << ti;
            matcher.offer(texts[ti], top);
          }
        }
      }
      return true;
    }
  }

  /** Whether the best this text could rank (a match from its first character) cannot enter. */
  private boolean cannotEnter(int ti, Top top) {
    return top.excludes(Top.key(Match.Kind.PINYIN_PREFIX, lengths[ti], 0, entryOf[ti], 0, 0));
  }

  /** Every text read: for queries with too many cuts, and as the lists' fallback. */
  private void scan(String q, Top top) {
    PinyinMatcher m = new PinyinMatcher(q);
    for (int ti = 0; ti < texts.length && !m.exhausted(); ti++) {
      if (!cannotEnter(ti, top)) {
        m.offer(texts[ti], top);
      }
    }
  }
}

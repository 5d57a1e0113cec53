package org.emrkit.terminology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The search structures of a {@link CodeTable}, built once (package-private): codes upper-cased
 * in code order for binary search; every name and synonym with its 拼音 readings; for each
 * character the texts it is in and where (Chinese text reads only the few texts its rarest
 * characters share); the {@link PinyinIndex}. Hits are ranked by packed keys in a bounded heap
 * ({@link Top}): no object per candidate.
 */
final class SearchIndex {

  static final Comparator<String> CODE_ORDER =
      Comparator.comparing((String s) -> s.toUpperCase(Locale.ROOT)).thenComparing(s -> s);

  private static final int MAX_QUERY = 64;
  private static final int MAX_LIMIT = 100;
  private static final String[] NONE = new String[0];

  private final List<CodeEntry> entries;
  private final String[] codes;
  private final Map<String, Integer> exact = new HashMap<>();
  private final IndexedText[] texts;
  /** Each text's length, entry and slot, side by side, so ranking reads no text. */
  private final int[] lengths;
  private final int[] entryOf;
  private final int[] slotOf;
  /** For each character, the texts it is in (in order) and where it first is in each. */
  private final Map<Character, Posting> byChar = new HashMap<>();
  private final PinyinIndex pinyin;

  /** The texts a character is in and its first position in each. */
  private record Posting(int[] texts, int[] at) {}

  SearchIndex(List<CodeEntry> sorted, Readings readings) {
    this.entries = List.copyOf(sorted);
    this.codes = new String[sorted.size()];
    List<IndexedText> t = new ArrayList<>(sorted.size() * 5 / 4);
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
    this.texts = t.toArray(IndexedText[]::new);
    this.lengths = new int[texts.length];
    this.entryOf = new int[texts.length];
    this.slotOf = new int[texts.length];
    IntLists<Character> ids = new IntLists<>();
    IntLists<Character> at = new IntLists<>();
    for (int i = 0; i < texts.length; i++) {
      String x = texts[i].text();
      lengths[i] = x.length();
      entryOf[i] = texts[i].entry();
      slotOf[i] = texts[i].slot();
      for (int k = 0; k < x.length(); k++) {
        if (ids.add(x.charAt(k), i)) { // where it first is in this text
          at.append(x.charAt(k), k);
        }
      }
    }
    Map<Character, int[]> positions = at.build();
    ids.build().forEach((c, v) -> byChar.put(c, new Posting(v, positions.get(c))));
    this.pinyin = new PinyinIndex(texts, lengths, entryOf);
  }

  List<CodeEntry> entries() {
    return entries;
  }

  private static IndexedText text(int entry, int slot, String s, Readings readings,
      Map<Character, String[]> cache) {
    int n = Math.min(s.length(), IndexedText.MAX_READ);
    String[][] r = new String[n][];
    int letters = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      r[i] = cache.computeIfAbsent(c, k -> reading(k, readings));
      for (String x : r[i]) {
        letters |= IndexedText.letters(x);
      }
    }
    return new IndexedText(entry, slot, s, r, letters);
  }

  private static String[] reading(char c, Readings readings) {
    if (c < 128) {
      return Character.isLetterOrDigit(c)
          ? new String[] {String.valueOf(Character.toLowerCase(c))} : NONE;
    }
    String[] r = readings.of(c);
    return r == null || r.length == 0 ? NONE : r.clone();
  }

  List<Match> search(String query, int limit, boolean skipCategories) {
    if (query == null) {
      return List.of();
    }
    if (query.length() > MAX_QUERY || limit < 1) {
      return List.of();
    }
    // what an input method's full-width mode types (ｘｊｔ, Ｉ２０) is searched as its ASCII
    String q = java.text.Normalizer.normalize(query, java.text.Normalizer.Form.NFKC).strip();
    if (q.isEmpty()) {
      return List.of();
    }
    Top top = new Top(Math.min(limit, MAX_LIMIT),
        skipCategories ? i -> !entries.get(i).category() : i -> true);
    codes(q.toUpperCase(Locale.ROOT), top);
    if (!top.full()) {
      if (hasHan(q)) {
        names(Texts.fold(q), top); // 心 绞痛 is 心绞痛
      } else {
        String p = pinyinQuery(q);
        if (p != null) {
          pinyin.search(p, top);
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

  private Match match(long k) {
    Match.Kind kind = Top.kind(k);
    CodeEntry e = entries.get(Top.entry(k));
    if (kind == Match.Kind.CODE || kind == Match.Kind.CODE_PREFIX) {
      return new Match(e, kind, e.code(), 0, Top.length(k));
    }
    int slot = Top.slot(k);
    String text = slot == 0 ? e.name() : e.synonyms().get(slot - 1);
    return new Match(e, kind, text, Top.start(k), Top.start(k) + Top.length(k));
  }

  private void codes(String upper, Top top) {
    Integer hit = exact.get(upper);
    if (hit != null) {
      top.offer(Top.key(Match.Kind.CODE, 0, 0, hit, 0, upper.length()));
    }
    int i = Arrays.binarySearch(codes, upper);
    for (i = i < 0 ? -i - 1 : i + 1; i < codes.length && codes[i].startsWith(upper)
        && !top.full(); i++) {
      top.offer(Top.key(Match.Kind.CODE_PREFIX, 0, 0, i, 0, upper.length()));
    }
  }

  private static boolean hasHan(String q) {
    return q.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
        == Character.UnicodeScript.HAN);
  }

  /**
   * Chinese text: a single character straight from its posting (where it first is in each
   * text); more, the texts the two rarest of its characters share, each searched.
   */
  private void names(String q, Top top) {
    Posting rarest = null;
    Posting second = null;
    for (int i = 0; i < q.length(); i++) {
      Posting p = byChar.get(q.charAt(i));
      if (p == null) {
        return; // a character no text has
      }
      if (rarest == null || p.texts.length < rarest.texts.length) {
        second = rarest != p ? rarest : second;
        rarest = p;
      } else if (p != rarest && (second == null || p.texts.length < second.texts.length)) {
        second = p;
      }
    }
    if (q.length() == 1) {
      for (int k = 0; k < rarest.texts.length; k++) {
        int ti = rarest.texts[k];
        offer(top, ti, rarest.at[k], 1);
      }
      return;
    }
    int[] cands = second == null ? rarest.texts : IntLists.intersect(rarest.texts,
        second.texts);
    for (int ti : cands) {
      int at = texts[ti].text().indexOf(q);
      if (at >= 0) {
        offer(top, ti, at, q.length());
      }
    }
  }

  private void offer(Top top, int ti, int at, int length) {
    top.offer(Top.key(at == 0 ? Match.Kind.NAME_PREFIX : Match.Kind.SUBSTRING, lengths[ti], at,
        entryOf[ti], slotOf[ti], length));
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
}

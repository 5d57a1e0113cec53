package org.emrkit.terminology;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The best {@code limit} ranked keys, one per entry (its best), in a bounded max-heap
 * (package-private). A key packs, most significant first, the kind of match (3 bits), the
 * matched text's length (10), where the match starts (9), the entry (21), the text's slot (5) and
 * the match's length (15), so comparing keys ranks matches and no object is made per candidate.
 */
final class Top {
  private final int limit;
  private final IntPredicate allowed;
  private final long[] heap;
  private final int[] who;
  private int size;

  Top(int limit, IntPredicate allowed) {
    this.limit = limit;
    this.allowed = allowed;
    this.heap = new long[limit];
    this.who = new int[limit];
  }

  static long key(Match.Kind kind, int textLength, int start, int entry, int slot, int length) {
    return (long) kind.ordinal() << 60 | (long) Math.min(textLength, 1023) << 50
        | (long) Math.min(start, 511) << 41 | (long) entry << 20 | (long) slot << 15 | length;
  }

  /** A 拼音 match in a text: from its first character ranks as a prefix. */
  static long pinyin(IndexedText t, int start, int length) {
    return key(start == 0 ? Match.Kind.PINYIN_PREFIX : Match.Kind.PINYIN, t.text().length(),
        start, t.entry(), t.slot(), length);
  }

  static Match.Kind kind(long key) {
    return Match.Kind.values()[(int) (key >>> 60)];
  }

  static int start(long key) {
    return (int) (key >>> 41 & 511);
  }

  static int entry(long key) {
    return (int) (key >>> 20 & 0x1FFFFF);
  }

  static int slot(long key) {
    return (int) (key >>> 15 & 31);
  }

  static int length(long key) {
    return (int) (key & 0x7FFF);
  }

  boolean full() {
    return size == limit;
  }

  /**
   * Whether a key can no longer enter: the heap is full and the key ranks after its worst
   * (a bound on a candidate's best possible key lets a search skip matching it).
   */
  boolean excludes(long key) {
    return size == limit && key >= heap[0];
  }

  void offer(long key) {
    int entry = entry(key);
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
    } else {
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

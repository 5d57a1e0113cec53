package org.emrkit.terminology;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Lists of ints by key, grown while an index is built (package-private): postings of text ids,
 * and what goes beside them. Each growing array keeps its count in slot 0.
 *
 * @param <K> the key
 */
final class IntLists<K> {

  private final Map<K, int[]> lists = new HashMap<>();

  /** Appends {@code id} to the key's list unless it is its last already; whether it did. */
  boolean add(K key, int id) {
    int[] v = lists.get(key);
    if (v != null && v[0] > 0 && v[v[0]] == id) {
      return false;
    }
    append(key, id);
    return true;
  }

  /** Appends {@code value} to the key's list. */
  void append(K key, int value) {
    int[] v = lists.get(key);
    if (v == null) {
      v = new int[4];
      lists.put(key, v);
    }
    int n = v[0];
    if (n + 1 == v.length) {
      v = Arrays.copyOf(v, v.length * 2);
      lists.put(key, v);
    }
    v[n + 1] = value;
    v[0] = n + 1;
  }

  /** The lists as they stand, each exactly its length. */
  Map<K, int[]> build() {
    Map<K, int[]> out = new HashMap<>(lists.size() * 2);
    lists.forEach((k, v) -> out.put(k, Arrays.copyOfRange(v, 1, v[0] + 1)));
    return out;
  }

  /** The ids both sorted arrays hold. */
  static int[] intersect(int[] a, int[] b) {
    int[] out = new int[Math.min(a.length, b.length)];
    int n = 0;
    for (int i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        out[n++] = a[i];
        i++;
        j++;
      }
    }
    return Arrays.copyOf(out, n);
  }
}

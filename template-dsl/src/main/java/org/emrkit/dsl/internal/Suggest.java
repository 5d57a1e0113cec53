package org.emrkit.dsl.internal;

import java.util.List;
import java.util.Locale;

/** "Did you mean": the known name nearest a mistyped one, and the diagnostics that say it. */
final class Suggest {
  private Suggest() {}

  /**
   * The name in {@code known} nearest {@code typed}: equal but for case, else at most two edits
   * away (one for names of four letters or fewer); {@code null} when none is that near.
   */
  static String closest(String typed, List<String> known) {
    String t = typed.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(t, k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    int allowed = typed.length() <= 4 ? 1 : 2;
    return best != null && bestDistance <= allowed ? best : null;
  }

  /** Levenshtein distance; names are short (at most 64 characters are compared). */
  static int distance(String a, String b) {
    if (a.length() > 64 || b.length() > 64) {
      return Integer.MAX_VALUE;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] x = prev;
      prev = cur;
      cur = x;
    }
    return prev[b.length()];
  }

  /** A signature role no signer can have (role=doctor): the roles there are, or the nearest. */
  static boolean unknownRole(Attributes.Attr a, Problems problems) {
    List<String> roles = java.util.Arrays.stream(org.emrkit.record.Role.values())
        .map(org.emrkit.record.Role::label).toList();
    String near = closest(a.value(), roles);
    problems.error(a.valueOffset(), "dsl/unknown-role", "没有签名角色 \"" + a.value() + "\""
        + (near == null ? "" : "，是否应为 " + near + "？") + "可用的角色：" + String.join("、", roles),
        "no signer has the role \"" + a.value() + "\"" + (near == null ? ""
        : "; did you mean " + near + "?") + " The roles are " + String.join(", ", roles));
    return false;
  }
}

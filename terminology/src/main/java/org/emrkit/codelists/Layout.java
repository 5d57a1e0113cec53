package org.emrkit.codelists;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Resolves a spec's column references against the header rows (package-private). */
final class Layout {
  private static final Pattern LETTERS = Pattern.compile("[A-Z]{1,3}");
  private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,4}");

  private Layout() {}

  /** The 0-based columns: code, name, then each synonym column. */
  static int[] resolve(CodeListSpec spec, List<List<String>> headers, String file) {
    List<String> refs = new ArrayList<>();
    refs.add(spec.code());
    refs.add(spec.name());
    refs.addAll(spec.synonyms());
    int[] out = new int[refs.size()];
    List<String> names = headers.isEmpty() ? List.of() : headers.get(headers.size() - 1);
    for (int i = 0; i < out.length; i++) {
      out[i] = column(refs.get(i), names, file);
    }
    return out;
  }

  private static int column(String ref, List<String> names, String file) {
    String r = ref.strip();
    // a header that reads like a column (ICD, DRG, 2020) is the header: it is what was meant
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i) != null && names.get(i).strip().equals(r)) {
        return i;
      }
    }
    if (LETTERS.matcher(r).matches()) {
      int n = 0;
      for (char c : r.toCharArray()) {
        n = n * 26 + (c - 'A' + 1);
      }
      return n - 1;
    }
    if (NUMBER.matcher(r).matches()) {
      return Integer.parseInt(r) - 1;
    }
    throw new CodeListException(file, "no column headed \"" + r + "\" (没有表头为“" + r
        + "”的列); the last header row has " + names.stream().filter(s -> s != null
        && !s.isBlank()).map(s -> "\"" + s.strip() + "\"").toList()
        + "; give a header, a letter such as B, or a number such as 2");
  }
}

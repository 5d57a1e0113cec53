package org.emrkit.dsl.internal;

import java.util.Arrays;

/** The text being compiled, with offset → line and column (1-based, in code points). */
final class Source {
  final String file;
  final String text;
  private final int[] lineStarts;

  Source(String file, String text) {
    this.file = file;
    this.text = text;
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        n++;
      }
    }
    lineStarts = new int[n];
    int k = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lineStarts[k++] = i + 1;
      }
    }
  }

  int line(int offset) {
    int i = Arrays.binarySearch(lineStarts, clamp(offset));
    return (i >= 0 ? i : -i - 2) + 1;
  }

  int column(int offset) {
    int o = clamp(offset);
    int start = lineStarts[line(o) - 1];
    return text.codePointCount(start, o) + 1;
  }

  private int clamp(int offset) {
    return Math.max(0, Math.min(offset, text.length()));
  }
}

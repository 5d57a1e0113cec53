package org.emrkit.testing;

import java.util.SplittableRandom;

/** Random one-line strings mixing Chinese, ASCII and characters that are special in Markdown, HTML and JSON. */
public final class RandomText {

  private static final String[] PIECES = {"主诉", "胸闷", "3天", "体温", "℃", "mmHg", "SpO", "10",
      "^", "~", "*", "_", "|", "{", "}", "<", ">", "&", "\"", "'", "\\", "#", ":", "：", "，",
      "。", "（", "）", " ", "a", "Z", "0", "9", "x", "<script>", "é", "𠀀", "\t", "%", "/", "="};

  private RandomText() {}

  /** A string of 1 to {@code max} pieces; never empty, never with a line break. */
  public static String line(SplittableRandom r, int max) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + r.nextInt(max);
    for (int i = 0; i < n; i++) {
      sb.append(PIECES[r.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }

  /** A line that is not blank and has no leading or trailing white space. */
  public static String word(SplittableRandom r, int max) {
    String s = line(r, max).strip();
    return s.isEmpty() ? "词" : s;
  }

  /** A plain word without characters that are special anywhere (for ids and options). */
  public static String plain(SplittableRandom r) {
    String[] words = {"是", "否", "不详", "阴性", "阳性", "正常", "异常", "左", "右", "双侧",
        "I级", "II级", "无", "有", "yes", "no"};
    return words[r.nextInt(words.length)];
  }
}

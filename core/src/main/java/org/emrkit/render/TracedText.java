package org.emrkit.render;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A field's text as 痕迹打印 shows it: the text as signed and the text now, merged into pieces
 * that are kept, struck out or put in, with a note of who amended it and when. The pieces come
 * from a word-level diff (a Chinese character is a word; so is a run of Latin letters and digits,
 * so that 36.8 → 37.2 strikes the number, not its digits).
 *
 * @param pieces the text in order
 * @param note who amended it and when: {@code 王强（主治医师）2026-11-21 09:10 修改}
 */
public record TracedText(List<Piece> pieces, String note) {

  /** What a piece is. */
  public enum Mark {
    /** In both. */
    KEPT,
    /** Struck out: in the text as signed, not now. */
    STRUCK,
    /** Put in: not in the text as signed. */
    INSERTED
  }

  /**
   * A piece of text.
   *
   * @param text the text
   * @param mark what it is
   */
  public record Piece(String text, Mark mark) {
    /** Checks the members. */
    public Piece {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(mark, "mark");
    }
  }

  /** Copies the pieces. */
  public TracedText {
    pieces = List.copyOf(pieces);
    Objects.requireNonNull(note, "note");
  }

  /** The pieces of {@code before} → {@code after}, with the note. */
  public static TracedText of(String before, String after, String note) {
    List<String> a = words(before);
    List<String> b = words(after);
    Patch<String> patch = DiffUtils.diff(a, b);
    List<Piece> out = new ArrayList<>();
    int at = 0;
    for (AbstractDelta<String> d : patch.getDeltas()) {
      add(out, a.subList(at, d.getSource().getPosition()), Mark.KEPT);
      add(out, d.getSource().getLines(), Mark.STRUCK);
      add(out, d.getTarget().getLines(), Mark.INSERTED);
      at = d.getSource().getPosition() + d.getSource().size();
    }
    add(out, a.subList(at, a.size()), Mark.KEPT);
    return new TracedText(out, note);
  }

  /** The text now (kept and put in). */
  public String text() {
    StringBuilder s = new StringBuilder();
    pieces.stream().filter(p -> p.mark() != Mark.STRUCK).forEach(p -> s.append(p.text()));
    return s.toString();
  }

  /** The text as signed (kept and struck). */
  public String before() {
    StringBuilder s = new StringBuilder();
    pieces.stream().filter(p -> p.mark() != Mark.INSERTED).forEach(p -> s.append(p.text()));
    return s.toString();
  }

  private static void add(List<Piece> out, List<String> words, Mark mark) {
    if (words.isEmpty()) {
      return;
    }
    String text = String.join("", words);
    if (!out.isEmpty() && out.get(out.size() - 1).mark() == mark) {
      text = out.remove(out.size() - 1).text() + text;
    }
    out.add(new Piece(text, mark));
  }

  /** The words of a text: a run of ASCII letters, digits and '.' is one, any other character. */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      int j = i;
      while (j < s.length() && latin(s.charAt(j))) {
        j++;
      }
      if (j == i) {
        j = i + Character.charCount(s.codePointAt(i));
      }
      out.add(s.substring(i, j));
      i = j;
    }
    return out;
  }

  private static boolean latin(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '.');
  }
}

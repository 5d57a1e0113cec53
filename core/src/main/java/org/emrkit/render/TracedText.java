package org.emrkit.render;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
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
   * @param insertedBy who put it in and when ({@code 王强（主治医师）2026-11-21 09:10}), or
   *     {@code ""}: it was in the text as signed, or the pieces come from one change
   * @param struckBy who struck it out and when, or {@code ""}
   * @param step of a text changed in several steps, the step (from 1) that last changed this
   *     piece, which a print marks it with ({@link #stepMark}); else {@code 0}
   */
  public record Piece(String text, Mark mark, String insertedBy, String struckBy, int step) {
    /** Checks the members. */
    public Piece {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(mark, "mark");
      Objects.requireNonNull(insertedBy, "insertedBy");
      Objects.requireNonNull(struckBy, "struckBy");
    }

    /** A piece of one change: who made it is the text's note. */
    public Piece(String text, Mark mark) {
      this(text, mark, "", "", 0);
    }

    /**
     * Who changed this piece, as a hover shows it ({@code 王强（主治医师）2026-11-21 09:10 添加}),
     * or {@code ""} when the text's note says it.
     */
    public String who() {
      String in = insertedBy.isEmpty() ? "" : insertedBy + " 添加";
      String out = struckBy.isEmpty() ? "" : struckBy + " 删除";
      return in.isEmpty() || out.isEmpty() ? in + out : in + "，" + out;
    }
  }

  /**
   * One change of a text, in order.
   *
   * @param text the text after it
   * @param by who made it and when: {@code 王强（主治医师）2026-11-21 09:10}
   */
  public record Step(String text, String by) {
    /** Checks the members. */
    public Step {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(by, "by");
    }
  }

  /** Copies the pieces. */
  public TracedText {
    pieces = List.copyOf(pieces);
    Objects.requireNonNull(note, "note");
  }

  /** The pieces of {@code before} → {@code after}, with the note. */
  public static TracedText of(String before, String after, String note) {
    return of(before, List.of(new Step(after, "")), note); // one step: the note says who
  }

  /**
   * The pieces of {@code before} changed step by step (痕迹 of every amendment, not only of the
   * first text against the last): what each step took out is struck, what it put in is put in,
   * each piece with who did it and when; what one step put in and a later one took out stays,
   * struck, with both names. A step with no name ({@code by} empty) is drawn unnamed and
   * unnumbered.
   */
  public static TracedText of(String before, List<Step> steps, String note) {
    List<Piece> all = new ArrayList<>();
    for (String w : words(before)) {
      all.add(new Piece(w, Mark.KEPT));
    }
    long named = steps.stream().filter(x -> !x.by().isEmpty()).count();
    int numbered = 0;
    for (Step step : steps) {
      // numbered when more than one person's step: a step of nobody's (a change the trace does
      // not list as an amendment) is drawn, unnamed and unnumbered
      int number = step.by().isEmpty() || named < 2 ? 0 : ++numbered;
      List<Integer> live = new ArrayList<>(); // where the words of the text so far are in all
      List<String> a = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).mark() != Mark.STRUCK) {
          live.add(i);
          a.add(all.get(i).text());
        }
      }
      List<AbstractDelta<String>> deltas = DiffUtils.diff(a, words(step.text())).getDeltas();
      // from the last change back: what is put in moves only what comes after it
      for (int d = deltas.size() - 1; d >= 0; d--) {
        AbstractDelta<String> delta = deltas.get(d);
        int from = delta.getSource().getPosition();
        int n = delta.getSource().size();
        for (int j = from; j < from + n; j++) {
          Piece w = all.get(live.get(j));
          all.set(live.get(j), new Piece(w.text(), Mark.STRUCK, w.insertedBy(), step.by(),
              number));
        }
        int at = n > 0 ? live.get(from + n - 1) + 1 : from < live.size() ? live.get(from)
            : all.size();
        List<Piece> in = new ArrayList<>();
        for (String w : delta.getTarget().getLines()) {
          in.add(new Piece(w, Mark.INSERTED, step.by(), "", number));
        }
        all.addAll(at, in);
      }
    }
    List<Piece> out = new ArrayList<>();
    for (Piece w : all) {
      Piece last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.mark() == w.mark() && last.insertedBy().equals(w.insertedBy())
          && last.struckBy().equals(w.struckBy()) && last.step() == w.step()) {
        out.set(out.size() - 1, new Piece(last.text() + w.text(), w.mark(), w.insertedBy(),
            w.struckBy(), w.step()));
      } else {
        out.add(w);
      }
    }
    return new TracedText(out, note);
  }

  /** How a print marks a step: ① to ⑳, then (21) and on. */
  public static String stepMark(int step) {
    return step >= 1 && step <= 20 ? String.valueOf((char) ('\u2460' + step - 1))
        : "(" + step + ")";
  }

  /**
   * The step mark a print writes after the piece at {@code i}: after the last of a run of
   * pieces one step changed ({@code 闷痛②}, not {@code 闷②痛②}); else {@code ""}.
   */
  public String markAfter(int i) {
    int step = pieces.get(i).step();
    return step > 0 && (i + 1 == pieces.size() || pieces.get(i + 1).step() != step)
        ? stepMark(step) : "";
  }

  /** The text now (kept and put in). */
  public String text() {
    StringBuilder s = new StringBuilder();
    pieces.stream().filter(p -> p.mark() != Mark.STRUCK).forEach(p -> s.append(p.text()));
    return s.toString();
  }

  /** The text as signed: kept and struck, but not what a later change put in. */
  public String before() {
    StringBuilder s = new StringBuilder();
    pieces.stream().filter(p -> p.mark() != Mark.INSERTED && p.insertedBy().isEmpty())
        .forEach(p -> s.append(p.text()));
    return s.toString();
  }

  /** Every piece's text, struck and put in alike: all that a trace draws. */
  public String drawn() {
    StringBuilder s = new StringBuilder();
    pieces.forEach(p -> s.append(p.text()));
    return s.toString();
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

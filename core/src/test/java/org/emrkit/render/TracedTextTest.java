package org.emrkit.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.emrkit.render.TracedText.Mark;
import org.emrkit.render.TracedText.Piece;
import org.emrkit.testing.Seeds;
import org.junit.jupiter.api.Test;

class TracedTextTest {

  @Test
  void aNumberIsStruckWholeNotDigitByDigit() {
    assertThat(TracedText.of("体温36.8℃，神清", "体温37.2℃，神清", "n").pieces()).containsExactly(
        new Piece("体温", Mark.KEPT), new Piece("36.8", Mark.STRUCK),
        new Piece("37.2", Mark.INSERTED), new Piece("℃，神清", Mark.KEPT));
    assertThat(TracedText.of("", "新写", "n").pieces()).containsExactly(
        new Piece("新写", Mark.INSERTED));
    assertThat(TracedText.of("删去", "", "n").pieces()).containsExactly(
        new Piece("删去", Mark.STRUCK));
    assertThat(TracedText.words("𠮷野V4-V6导联")).containsExactly("𠮷", "野", "V4", "-", "V6",
        "导", "联");
  }

  @Test
  void thePiecesAreTheOldTextAndTheNewText() {
    String alphabet = "胸闷痛3天5，。ab12.𠮷 \n";
    Seeds.check("traced text keeps both texts", 200, random -> {
      String before = text(random, alphabet);
      String after = random.nextBoolean() ? text(random, alphabet) : mutate(random, before);
      TracedText t = TracedText.of(before, after, "note");
      assertThat(t.before()).isEqualTo(before);
      assertThat(t.text()).isEqualTo(after);
      List<Piece> p = t.pieces();
      for (int i = 1; i < p.size(); i++) {
        assertThat(p.get(i).mark()).as("neighbours are merged").isNotEqualTo(p.get(i - 1).mark());
      }
      assertThat(p).allSatisfy(x -> assertThat(x.text()).isNotEmpty());
    });
  }

  @Test
  void eachAmendmentIsStruckAndPutInUnderItsOwnName() {
    TracedText t = TracedText.of("胸闷3天", List.of(
        new TracedText.Step("胸闷5天，考虑心绞痛", "李明（住院医师）2026-11-21 09:10"),
        new TracedText.Step("胸痛5天", "王强（主治医师）2026-11-22 08:00")), "n");
    assertThat(t.pieces()).containsExactly(
        new Piece("胸", Mark.KEPT),
        new Piece("闷", Mark.STRUCK, "", "王强（主治医师）2026-11-22 08:00", 2),
        new Piece("痛", Mark.INSERTED, "王强（主治医师）2026-11-22 08:00", "", 2),
        new Piece("3", Mark.STRUCK, "", "李明（住院医师）2026-11-21 09:10", 1),
        new Piece("5", Mark.INSERTED, "李明（住院医师）2026-11-21 09:10", "", 1),
        new Piece("天", Mark.KEPT),
        new Piece("，考虑心绞痛", Mark.STRUCK, "李明（住院医师）2026-11-21 09:10",
            "王强（主治医师）2026-11-22 08:00", 2));
    // a print marks each run of one step's pieces once, after it: 胸闷痛②35①天，考虑心绞痛②
    StringBuilder print = new StringBuilder();
    for (int i = 0; i < t.pieces().size(); i++) {
      print.append(t.pieces().get(i).text()).append(t.markAfter(i));
    }
    assertThat(print).hasToString("胸闷痛②35①天，考虑心绞痛②");
    assertThat(TracedText.stepMark(20)).isEqualTo("⑳");
    assertThat(TracedText.stepMark(21)).isEqualTo("(21)");
    assertThat(TracedText.of("a", List.of(new TracedText.Step("b", "x")), "n").pieces())
        .as("one step: no numbers").allSatisfy(p -> assertThat(p.step()).isZero());
    // a change between amendments that is none of them: drawn unnamed, the numbers go on
    TracedText gap = TracedText.of("胸闷", List.of(new TracedText.Step("胸痛", "甲"),
        new TracedText.Step("胸痛3天", ""), new TracedText.Step("胸痛5天", "乙")), "n");
    assertThat(gap.pieces()).extracting(Piece::text, Piece::step).containsExactly(
        org.assertj.core.groups.Tuple.tuple("胸", 0), org.assertj.core.groups.Tuple.tuple("闷", 1),
        org.assertj.core.groups.Tuple.tuple("痛", 1), org.assertj.core.groups.Tuple.tuple("3", 2),
        org.assertj.core.groups.Tuple.tuple("5", 2), org.assertj.core.groups.Tuple.tuple("天", 0));
    assertThat(gap.pieces().get(5).who()).isEqualTo("");
    assertThat(gap.pieces().get(5).mark()).isEqualTo(Mark.INSERTED);
    assertThat(t.pieces().get(6).who()).isEqualTo(
        "李明（住院医师）2026-11-21 09:10 添加，王强（主治医师）2026-11-22 08:00 删除");
    assertThat(t.before()).isEqualTo("胸闷3天");
    assertThat(t.text()).isEqualTo("胸痛5天");
  }

  @Test
  void stepByStepTheFirstTextAndTheLastAreKeptAndEveryTextBetweenIsDrawn() {
    String alphabet = "胸闷痛3天5，。ab12.𠮷 \n";
    Seeds.check("traced steps keep the first and the last text", 300, random -> {
      String before = text(random, alphabet);
      List<TracedText.Step> steps = new java.util.ArrayList<>();
      String now = before;
      for (int k = random.nextInt(1, 5); k > 0; k--) {
        now = random.nextInt(4) == 0 ? text(random, alphabet) : mutate(random, now);
        steps.add(new TracedText.Step(now, "第" + k + "人"));
      }
      TracedText t = TracedText.of(before, steps, "note");
      assertThat(t.before()).isEqualTo(before);
      assertThat(t.text()).isEqualTo(now);
      for (TracedText.Step s : steps) {
        // every step's text is there, in order, among what is drawn
        assertThat(subsequence(s.text(), t.drawn())).as("%s in %s", s, t).isTrue();
      }
      List<Piece> p = t.pieces();
      for (int i = 1; i < p.size(); i++) {
        assertThat(p.get(i)).as("neighbours are merged").isNotEqualTo(new Piece(p.get(i).text(),
            p.get(i - 1).mark(), p.get(i - 1).insertedBy(), p.get(i - 1).struckBy(),
            p.get(i - 1).step()));
      }
      assertThat(p).allSatisfy(x -> {
        assertThat(x.text()).isNotEmpty();
        assertThat(x.mark() == Mark.KEPT).isEqualTo(x.who().isEmpty());
      });
    });
  }

  private static boolean subsequence(String text, String drawn) {
    int[] want = text.codePoints().toArray();
    int i = 0;
    for (int c : drawn.codePoints().toArray()) {
      if (i < want.length && want[i] == c) {
        i++;
      }
    }
    return i == want.length;
  }

  private static String text(java.util.SplittableRandom random, String alphabet) {
    int[] cps = alphabet.codePoints().toArray();
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(30); i > 0; i--) {
      s.appendCodePoint(cps[random.nextInt(cps.length)]);
    }
    return s.toString();
  }

  private static String mutate(java.util.SplittableRandom random, String s) {
    StringBuilder b = new StringBuilder(s);
    for (int k = random.nextInt(4); k > 0 && b.length() > 0; k--) {
      int at = random.nextInt(b.length());
      if (Character.isSurrogate(b.charAt(at))) {
        continue;
      }
      if (random.nextBoolean()) {
        b.deleteCharAt(at);
      } else {
        b.insert(at, "改");
      }
    }
    return b.toString();
  }
}

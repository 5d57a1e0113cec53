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

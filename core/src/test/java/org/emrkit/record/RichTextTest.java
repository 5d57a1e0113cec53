package org.emrkit.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RichTextTest {

  @Test
  void paragraphsRunsAndUnpairedMarkers() {
    List<List<RichText.Run>> p = RichText.parse("患者**胸闷**，SpO~2~ 95%，*好转*\n次日 10^9^/L\n\n第二段 * 未配对");
    assertThat(p).hasSize(2);
    assertThat(p.get(0)).containsExactly(
        new RichText.Run("患者", false, false, 0), new RichText.Run("胸闷", true, false, 0),
        new RichText.Run("，SpO", false, false, 0), new RichText.Run("2", false, false, -1),
        new RichText.Run(" 95%，", false, false, 0), new RichText.Run("好转", false, true, 0),
        new RichText.Run("\n次日 10", false, false, 0), new RichText.Run("9", false, false, 1),
        new RichText.Run("/L", false, false, 0));
    assertThat(p.get(1)).containsExactly(new RichText.Run("第二段 * 未配对", false, false, 0));
  }

  @Test
  void superAndSubscriptsStandInsideBoldOrItalic() {
    // a bold white count keeps its power of ten: 10⁹, not 109
    assertThat(RichText.parse("**WBC 12×10^9^/L**，*SpO~2~偏低*").get(0)).containsExactly(
        new RichText.Run("WBC 12×10", true, false, 0), new RichText.Run("9", true, false, 1),
        new RichText.Run("/L", true, false, 0), new RichText.Run("，", false, false, 0),
        new RichText.Run("SpO", false, true, 0), new RichText.Run("2", false, true, -1),
        new RichText.Run("偏低", false, true, 0));
    assertThat(RichText.plain("**10^9^/L**")).isEqualTo("109/L");
    assertThat(RichText.parse("Ca^2+^ β~2~").get(0)).extracting(RichText.Run::script)
        .containsExactly(0, 1, 0, -1);
  }

  @Test
  void aRangeWrittenWithTildesIsText() {
    // 3~5次 is how a range is written: no subscript out of 5次，持续2
    assertThat(RichText.parse("每日3~5次，持续2~3天").get(0)).containsExactly(
        new RichText.Run("每日3~5次，持续2~3天", false, false, 0));
    assertThat(RichText.parse("**每日3~5次，持续2~3天**").get(0)).containsExactly(
        new RichText.Run("每日3~5次，持续2~3天", true, false, 0));
  }

  @Test
  void aValueWithoutMarkupIsOneRunAsTheMarkedPathWouldGiveIt() {
    org.emrkit.testing.Seeds.check("plain rich text", 200, r -> {
      String alphabet = " 　患者胸闷3天，予吸氧。abc12/";
      StringBuilder sb = new StringBuilder();
      for (int i = r.nextInt(30); i > 0; i--) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String v = sb.toString();
      // the same value with a marker pair that matches nothing takes the regular-expression path
      java.util.List<java.util.List<RichText.Run>> fast = RichText.parse(v);
      java.util.List<java.util.List<RichText.Run>> slow = RichText.parse(v.strip() + "\n\n*");
      org.assertj.core.api.Assertions.assertThat(fast).hasSize(1);
      if (v.isBlank()) {
        org.assertj.core.api.Assertions.assertThat(fast.get(0)).isEmpty();
      } else {
        org.assertj.core.api.Assertions.assertThat(slow.get(0)).isEqualTo(fast.get(0));
      }
      org.assertj.core.api.Assertions.assertThat(RichText.plain(v)).isEqualTo(v.strip());
    });
  }
}

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
}

package org.emrkit.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.emrkit.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whether a chief complaint names a duration: the pattern tried where numbers begin. */
class ChiefComplaintDurationRuleTest {

  @ParameterizedTest
  @ValueSource(strings = {"反复胸闷、气短3年，加重2天", "发热 3 天", "咳嗽半年", "腹痛两年余", "头晕数月",
      "胸痛２小时", "呕吐1.5 d", "心悸十余天", "乏力3个月", "外伤后30min"})
  void durationsAreNamed(String complaint) {
    assertThat(ChiefComplaintDurationRule.names(complaint)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "胸闷", "胸闷气短", "3", "血压高 150/90", "一直咳嗽", "1.天", "第3次住院"})
  void otherComplaintsNameNone(String complaint) {
    assertThat(ChiefComplaintDurationRule.names(complaint)).isFalse();
  }

  /** The same answer as finding the pattern anywhere, as the rule did. */
  @Test
  void namesAsTheSearchForThePatternDoes() {
    String[] parts = {"3", "12", "０", "９", ".", "5", "一", "两", "十", "百", "半", "数", "几", "余",
        "多", "个", " ", "\t", "年", "月", "周", "星期", "星", "天", "日", "小时", "小", "时", "分钟",
        "分", "h", "d", "min", "mi", "胸闷", "，", "、", "加重", "x", "\u3000"};
    Seeds.check("duration as the pattern finds it", 40, random -> {
      for (int k = 0; k < 2_000; k++) {
        String s = Seeds.joined(random, parts, 8);
        assertThat(ChiefComplaintDurationRule.names(s)).as(s)
            .isEqualTo(ChiefComplaintDurationRule.DURATION.matcher(s).find());
      }
    });
  }
}

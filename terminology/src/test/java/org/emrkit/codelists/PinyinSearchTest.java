package org.emrkit.codelists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.emrkit.terminology.CodeTable;
import org.emrkit.terminology.Match;
import org.junit.jupiter.api.Test;

/** Search with pinyin4j's readings: initials, full and mixed 拼音, polyphonic characters. */
class PinyinSearchTest {

  private static final CodeTable T = CodeTable.builder("icd10-clinical", "2.0")
      .add("I20.000", "不稳定型心绞痛", "不稳定性心绞痛").add("I20.900", "心绞痛")
      .add("G70.000", "重症肌无力").add("Q63.000", "重复肾").add("J11.100", "流行性感冒")
      .add("Z00.001", "银行职员体检").add("E23.000", "生长激素缺乏症").add("I45.801", "长QT综合征")
      .add("K35.800", "急性阑尾炎").add("D50.900", "缺铁性贫血").add("E11.900", "2型糖尿病")
      .add("N39.000", "泌尿道感染", "尿路感染").add("A09.900", "胃肠炎", "急性胃肠炎")
      .build(Pinyin.readings());

  private static List<String> codes(String q) {
    return T.search(q, 10).stream().map(m -> m.entry().code()).toList();
  }

  @Test
  void pinyin4jGivesEveryReadingWithoutTones() {
    assertThat(Pinyin.readings().of('重')).contains("zhong", "chong");
    assertThat(Pinyin.readings().of('行')).contains("xing", "hang");
    assertThat(Pinyin.readings().of('长')).contains("chang", "zhang");
    assertThat(Pinyin.readings().of('绿')).contains("lv", "lu");
    assertThat(Pinyin.readings().of('A')).isEmpty();
  }

  @Test
  void initialsFindTheNameAndMarkTheMatchedPart() {
    List<Match> m = T.search("xjt", 10);
    assertThat(m).extracting(x -> x.entry().code()).containsExactly("I20.900", "I20.000");
    Match inner = m.get(1);
    assertThat(inner.kind()).isEqualTo(Match.Kind.PINYIN);
    assertThat(inner.text().substring(inner.start(), inner.end())).isEqualTo("心绞痛");
  }

  @Test
  void polyphonicCharactersMatchUnderEachReading() {
    assertThat(codes("zzjwl")).containsExactly("G70.000");
    assertThat(codes("chongfushen")).containsExactly("Q63.000");
    assertThat(codes("zhongfushen")).containsExactly("Q63.000");
    assertThat(codes("lxxgm")).containsExactly("J11.100");
    assertThat(codes("yinhang")).containsExactly("Z00.001");
    assertThat(codes("szjs")).containsExactly("E23.000");
    assertThat(codes("changqt")).containsExactly("I45.801");
    assertThat(codes("zqt")).containsExactly("I45.801");
  }

  @Test
  void fullPinyinSpacesApostrophesDigitsAndSynonyms() {
    assertThat(codes("bu wen ding")).containsExactly("I20.000");
    assertThat(codes("xin'jiao'tong")).containsExactly("I20.900", "I20.000");
    assertThat(codes("2xtnb")).containsExactly("E11.900");
    Match syn = T.search("nlgr", 10).get(0);
    assertThat(syn.entry().code()).isEqualTo("N39.000");
    assertThat(syn.text()).isEqualTo("尿路感染");
    assertThat(syn.kind()).isEqualTo(Match.Kind.PINYIN_PREFIX);
    assertThat(codes("jixingweichangyan")).containsExactly("A09.900");
  }

  @Test
  void codesComeFirstAndChineseTextIsMatchedInside() {
    assertThat(T.search("i20", 10)).extracting(m -> m.kind()).containsOnly(
        Match.Kind.CODE_PREFIX);
    assertThat(T.search("k35.800", 10).get(0).kind()).isEqualTo(Match.Kind.CODE);
    assertThat(codes("感染")).containsExactly("N39.000");
    assertThat(T.search("感染", 10).get(0).kind()).isEqualTo(Match.Kind.SUBSTRING);
    assertThat(T.search("尿路", 10).get(0).kind()).isEqualTo(Match.Kind.NAME_PREFIX);
  }
}

package org.emrkit.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Search ranking and matching, with a small hand-made reading table standing in for pinyin4j
 * (the real readings are tested in emrkit-terminology).
 */
class SearchTest {

  private static final Map<Character, String[]> PY = Map.ofEntries(
      Map.entry('不', new String[] {"bu"}), Map.entry('稳', new String[] {"wen"}),
      Map.entry('定', new String[] {"ding"}), Map.entry('型', new String[] {"xing"}),
      Map.entry('心', new String[] {"xin"}), Map.entry('绞', new String[] {"jiao"}),
      Map.entry('痛', new String[] {"tong"}), Map.entry('急', new String[] {"ji"}),
      Map.entry('性', new String[] {"xing"}), Map.entry('阑', new String[] {"lan"}),
      Map.entry('尾', new String[] {"wei", "yi"}), Map.entry('炎', new String[] {"yan"}),
      Map.entry('重', new String[] {"zhong", "chong"}), Map.entry('症', new String[] {"zheng"}),
      Map.entry('肺', new String[] {"fei"}), Map.entry('测', new String[] {"ce"}),
      Map.entry('试', new String[] {"shi"}), Map.entry('（', new String[0]));
  private static final Readings R = c -> PY.getOrDefault(c, new String[0]);

  private static final CodeTable T = CodeTable.builder("icd10-clinical", "2.0")
      .add("I20", "心绞痛").add("I20.000", "不稳定型心绞痛").add("I20.900", "心绞痛")
      .add("K35.800", "急性阑尾炎").add("J18.901", "重症肺炎").add("J18.900", "肺炎")
      .add("X20.000", "心（绞）痛测试").add("I2", "测试类").build(R);

  private static List<String> codes(String q) {
    return T.search(q, 10).stream().map(m -> m.entry().code()).toList();
  }

  @Test
  void rankingIsExactCodeThenCodePrefixThenNamePrefixThenPinyinThenSubstring() {
    assertThat(codes("I20")).startsWith("I20", "I20.000", "I20.900");
    assertThat(T.search("I20", 10).get(0).kind()).isEqualTo(Match.Kind.CODE);
    assertThat(T.search("i20.0", 10)).extracting(m -> m.kind()).containsExactly(
        Match.Kind.CODE_PREFIX);
    // name prefix (shorter name first), then the same text inside a longer name
    assertThat(T.search("心绞痛", 10)).extracting(m -> m.entry().code() + " " + m.kind())
        .containsExactly("I20 NAME_PREFIX", "I20.900 NAME_PREFIX", "I20.000 SUBSTRING");
    // initials: from the start of a name before inside it
    assertThat(T.search("xjt", 10)).extracting(m -> m.entry().code() + " " + m.kind())
        .containsExactly("I20 PINYIN_PREFIX", "I20.900 PINYIN_PREFIX", "X20.000 PINYIN_PREFIX",
            "I20.000 PINYIN");
  }

  @Test
  void fullAndMixedPinyinAndMarks() {
    Match m = T.search("xinjiaotong", 10).stream().filter(x -> x.entry().code()
        .equals("I20.000")).findFirst().orElseThrow();
    assertThat(m.text().substring(m.start(), m.end())).isEqualTo("心绞痛");
    assertThat(codes("buwendingxingxjt")).containsExactly("I20.000");
    assertThat(codes("bwdxxjiaot")).containsExactly("I20.000");
    assertThat(codes("buwendingxjt")).isEmpty(); // 型 is xing: nothing is skipped
    assertThat(codes("jixinglanw")).containsExactly("K35.800");
    Match inner = T.search("绞痛", 10).get(0);
    assertThat(inner.text().substring(inner.start(), inner.end())).isEqualTo("绞痛");
  }

  @Test
  void polyphonicCharactersMatchUnderEachReading() {
    assertThat(codes("zzfy")).containsExactly("J18.901");
    assertThat(codes("czfy")).containsExactly("J18.901");
    assertThat(codes("chongzheng")).containsExactly("J18.901");
    assertThat(codes("jxlyy")).containsExactly("K35.800");
  }

  @Test
  void categoriesAreNotOfferedWhereFullCodesAreRequired() {
    CodeTable full = CodeTable.builder("icd10-clinical", "2.0").fullCodes(true)
        .add("I20", "心绞痛").add("I20.000", "不稳定型心绞痛").add("I20.900", "心绞痛").build(R);
    assertThat(full.search("xjt", 10)).extracting(m -> m.entry().code())
        .containsExactly("I20", "I20.900", "I20.000");
    assertThat(full.searchCodable("xjt", 10)).extracting(m -> m.entry().code())
        .containsExactly("I20.900", "I20.000");
    assertThat(T.searchCodable("xjt", 10)).hasSize(4); // T does not require full codes
  }

  @Test
  void fullWidthInputAndSpacesInChineseAreSearchedAsTyped() {
    assertThat(codes("ｘｊｔ")).isEqualTo(codes("xjt"));
    assertThat(codes("Ｉ２０")).isEqualTo(codes("I20"));
    assertThat(codes("心 绞痛")).isEqualTo(codes("心绞痛")).isNotEmpty();
  }

  @Test
  void aQueryStopsWhenItHasTakenItsBudgetOfSteps() {
    // names of 200 polyphonic characters with punctuation between: a long query costs about
    // 200 × 64 × readings steps per name, so some lists of many such names would take seconds
    String[][] readings = new String[200][];
    String[] cycle = {"zhong", "chong"};
    for (int i = 0; i < readings.length; i++) {
      readings[i] = i % 7 == 3 ? new String[0] : i % 5 == 0 ? new String[] {"lv", "shuai"}
          : cycle;
    }
    int letters = 0;
    for (char c : "zhongclvsua".toCharArray()) {
      letters |= 1 << (c - 'a');
    }
    IndexedText text = new IndexedText(0, 0, "重".repeat(200), readings, letters);
    PinyinMatcher m = new PinyinMatcher("zh".repeat(31) + "v");
    Top top = new Top(20, e -> true);
    int texts = 0;
    while (!m.exhausted()) {
      m.offer(text, top);
      texts++;
      assertThat(texts).as("the budget ends the query").isLessThan(1_000_000);
    }
    long spent = m.steps();
    assertThat(spent).isEqualTo(PinyinMatcher.BUDGET);
    m.offer(text, top); // nothing more is done once it is spent
    assertThat(m.steps()).isEqualTo(spent);
    assertThat(texts).as("names read before the budget ran out").isGreaterThan(10);
  }

  @Test
  void punctuationInANameIsPassedOverButNeverStartsAMatch() {
    assertThat(codes("xjtcs")).containsExactly("X20.000");
  }

  @Test
  void nothingIsFoundForBlankOrOverlongQueriesAndLimitsHold() {
    assertThat(T.search(" ", 10)).isEmpty();
    assertThat(T.search("x".repeat(65), 10)).isEmpty();
    assertThat(T.search("I", 2)).hasSize(2);
    assertThat(T.search("I", 0)).isEmpty();
    assertThat(codes("qqqq")).isEmpty();
  }

  @Test
  void searchAgreesWithABruteForceScanOnRandomTables() {
    long seed = System.nanoTime();
    Random rnd = new Random(seed);
    char[] han = PY.keySet().stream().filter(c -> PY.get(c).length > 0)
        .map(String::valueOf).reduce("", String::concat).toCharArray();
    for (int round = 0; round < 30; round++) {
      CodeTable.Builder b = CodeTable.builder("t", "1");
      int n = 50 + rnd.nextInt(200);
      for (int i = 0; i < n; i++) {
        StringBuilder name = new StringBuilder();
        for (int k = 1 + rnd.nextInt(8); k > 0; k--) {
          name.append(han[rnd.nextInt(han.length)]);
        }
        String code = "A" + String.format("%05d", rnd.nextInt(100_000));
        if (!b.has(code)) {
          b.add(code, name.toString());
        }
      }
      CodeTable t = b.build(R);
      StringBuilder q = new StringBuilder();
      for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
        q.append(han[rnd.nextInt(han.length)]);
      }
      String query = q.toString();
      long expected = t.entries().stream().filter(e -> e.name().contains(query)).count();
      List<Match> found = t.search(query, 100);
      assertThat(found).as("seed %d, query %s", seed, query)
          .hasSize((int) Math.min(100, expected));
      for (int i = 1; i < found.size(); i++) {
        Match a = found.get(i - 1);
        Match c = found.get(i);
        assertThat(a.kind().compareTo(c.kind()) < 0 || (a.kind() == c.kind()
            && a.text().length() <= c.text().length())).as("seed %d order at %d", seed, i)
            .isTrue();
      }
    }
  }

  /** Whether q[k..] can be read from text character i on (the definition, unoptimised). */
  private static boolean reads(String text, Readings r, int i, String q, int k, boolean started) {
    if (k == q.length()) {
      return true;
    }
    if (i >= text.length()) {
      return false;
    }
    String[] rs = r.of(text.charAt(i));
    if (rs.length == 0) {
      return started && reads(text, r, i + 1, q, k, true);
    }
    for (String s : rs) {
      for (int n = 1; n <= s.length() && k + n <= q.length(); n++) {
        if (q.regionMatches(k, s, 0, n) && reads(text, r, i + 1, q, k + n, true)) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void pinyinSearchFindsWhatReadingEveryNameFindsOnRandomTables() {
    long seed = Long.getLong("emrkit.seed", System.nanoTime());
    System.out.println("SearchTest pinyin seed " + seed + " (replay with -Demrkit.seed=" + seed
        + ")");
    Random rnd = new Random(seed);
    String[][] syllables = {{"zhong", "chong"}, {"xing", "hang"}, {"chang", "zhang"}, {"xin"},
        {"jiao"}, {"tong"}, {"xi"}, {"an"}, {"xian"}, {"shang"}, {"zi"}, {"ci"}, {"e"}, {"er"},
        {"lv", "lu"}, {"yi", "wei"}, {"a"}, {"ge", "he"}};
    char[] chars = "重行长心绞痛西安先上子词额二绿尾啊合（".toCharArray();
    Map<Character, String[]> table = new java.util.HashMap<>();
    for (int i = 0; i < syllables.length; i++) {
      table.put(chars[i], syllables[i]);
    }
    Readings r = c -> table.getOrDefault(c, new String[0]);
    for (int round = 0; round < 40; round++) {
      CodeTable.Builder b = CodeTable.builder("t", "1");
      int n = 20 + rnd.nextInt(400);
      for (int i = 0; i < n; i++) {
        StringBuilder name = new StringBuilder();
        for (int k = 1 + rnd.nextInt(7); k > 0; k--) {
          name.append(chars[rnd.nextInt(chars.length)]);
        }
        if (name.charAt(0) == '（') {
          name.setCharAt(0, '心');
        }
        b.add(String.valueOf(10_000 + i), name.toString()); // no letter: no code prefix hit
      }
      CodeTable t = b.build(r);
      for (int qn = 0; qn < 20; qn++) {
        // a query read off a random name: whole, initial or typed start of each syllable
        String name = t.entries().get(rnd.nextInt(t.size())).name();
        int from = rnd.nextInt(name.length());
        StringBuilder q = new StringBuilder();
        for (int k = from; k < name.length() && q.length() < 12 && rnd.nextInt(4) > 0; k++) {
          String[] rs = r.of(name.charAt(k));
          if (rs.length > 0) {
            String s = rs[rnd.nextInt(rs.length)];
            q.append(s, 0, 1 + rnd.nextInt(s.length()));
          }
        }
        if (q.length() == 0 || rnd.nextInt(10) == 0) {
          q.append((char) ('a' + rnd.nextInt(26)));
        }
        String query = q.toString();
        java.util.Set<String> expected = new java.util.TreeSet<>();
        for (CodeEntry e : t.entries()) {
          for (int i = 0; i < e.name().length(); i++) {
            if (reads(e.name(), r, i, query, 0, false)) {
              expected.add(e.code() + (i == 0 ? " prefix" : " inner"));
              break;
            }
          }
        }
        java.util.Set<String> found = new java.util.TreeSet<>();
        for (Match m : t.search(query, 100)) {
          found.add(m.entry().code() + (m.kind() == Match.Kind.PINYIN_PREFIX ? " prefix"
              : " inner"));
        }
        if (expected.size() <= 100) {
          assertThat(found).as("seed %d, round %d, query %s", seed, round, query)
              .isEqualTo(expected);
        } else {
          assertThat(found).as("seed %d, round %d, query %s", seed, round, query)
              .hasSize(100).isSubsetOf(expected);
        }
      }
    }
  }
}

package org.emrkit.codelists;

import java.util.LinkedHashSet;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;
import org.emrkit.terminology.Readings;

/**
 * 拼音 readings from pinyin4j's table of the Unicode Han characters: every reading of a
 * character, lower case, without tones, ü as v ({@code 重} → zhong, chong; {@code 绿} → lv, lu).
 * A {@link org.emrkit.terminology.CodeTable} reads each distinct character once when it is
 * built. Thread-safe.
 */
public final class Pinyin implements Readings {

  private static final Pinyin INSTANCE = new Pinyin();
  private static final String[] NONE = new String[0];

  private final HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();

  private Pinyin() {
    format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
    format.setVCharType(HanyuPinyinVCharType.WITH_V);
  }

  /** The readings. */
  public static Readings readings() {
    return INSTANCE;
  }

  @Override
  public String[] of(char c) {
    String[] r;
    try {
      synchronized (format) {
        r = PinyinHelper.toHanyuPinyinStringArray(c, format);
      }
    } catch (BadHanyuPinyinOutputFormatCombination e) {
      throw new IllegalStateException(e); // the format above is a valid combination
    }
    if (r == null || r.length == 0) {
      return NONE;
    }
    Set<String> distinct = new LinkedHashSet<>();
    for (String s : r) {
      if (!s.isEmpty()) {
        distinct.add(s);
      }
    }
    // a character read also as "lu" with u for ü is found by both spellings (绿: lv, lu)
    for (String s : Set.copyOf(distinct)) {
      if (s.indexOf('v') >= 0) {
        distinct.add(s.replace('v', 'u'));
      }
    }
    return distinct.toArray(String[]::new);
  }
}

package org.emrkit.terminology;

/**
 * A name or synonym as the search index keeps it (package-private): per character its 拼音
 * readings (none for punctuation; an ASCII letter or digit reads as itself) and a mask of the
 * letters those readings use.
 *
 * @param entry the entry's index in code order
 * @param slot 0 for the name, 1 + i for synonym i
 * @param text the text
 * @param readings per character (of the first {@link #MAX_READ}), its readings
 * @param letters the letters the readings use, bit 0 for a
 */
record IndexedText(int entry, int slot, String text, String[][] readings, int letters) {

  /** How many characters of a name are read for 拼音. */
  static final int MAX_READ = 200;

  /** The letters a–z in {@code s}, as a mask (bit 0 for a). */
  static int letters(String s) {
    int m = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z') {
        m |= 1 << (c - 'a');
      }
    }
    return m;
  }
}

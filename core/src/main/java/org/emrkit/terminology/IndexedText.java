package org.emrkit.terminology;

/**
 * A name or synonym as the search index keeps it (package-private): per character its 拼音
 * readings (none for punctuation; an ASCII letter or digit reads as itself) and a mask of the
 * letters those readings use.
 *
 * @param entry the entry's index in code order
 * @param slot 0 for the name, 1 + i for synonym i
 * @param text the text
 * @param readings per character (of the first 200), its readings
 * @param letters the letters the readings use, bit 0 for a
 */
record IndexedText(int entry, int slot, String text, String[][] readings, int letters) {}

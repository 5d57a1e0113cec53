package org.emrkit.terminology;

import java.util.List;
import java.util.Objects;

/**
 * One code of a code system or value set: {@code I20.000 不稳定型心绞痛}, with the other names
 * the list accepts for it (同义词), and whether it is a category (类目/亚目) that has more
 * specific codes below it in the same list.
 *
 * @param code the code, 1 to 64 characters without white space
 * @param name the name (the display a record should carry)
 * @param synonyms other accepted names, possibly none
 * @param category whether more specific codes extend this one in its list
 */
public record CodeEntry(String code, String name, List<String> synonyms, boolean category) {

  /** Checks and copies. */
  public CodeEntry {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    if (code.isEmpty() || code.length() > 64 || code.chars().anyMatch(CodeEntry::invisible)
        || code.chars().anyMatch(Character::isSpaceChar)) {
      throw new IllegalArgumentException("bad code \"" + printable(code)
          + "\": 1 to 64 characters without spaces, control or invisible characters");
    }
    if (name.isBlank() || name.length() > 500 || name.chars().anyMatch(CodeEntry::invisible)) {
      throw new IllegalArgumentException("bad name for code " + printable(code)
          + ": one line of 1 to 500 characters without control or invisible characters");
    }
    for (String s : synonyms) {
      if (s.isBlank() || s.length() > 500 || s.chars().anyMatch(CodeEntry::invisible)) {
        throw new IllegalArgumentException("bad synonym for code " + printable(code)
            + ": one line of 1 to 500 characters without control or invisible characters");
      }
    }
    synonyms = List.copyOf(synonyms);
  }

  /**
   * Control characters (NUL, CR, LF, tab...), line and paragraph separators, and invisible format
   * characters (zero-width space, BOM): a code with one looks like another code and is not.
   */
  private static boolean invisible(int c) {
    int t = Character.getType(c);
    return Character.isISOControl(c) || t == Character.FORMAT || t == Character.LINE_SEPARATOR
        || t == Character.PARAGRAPH_SEPARATOR;
  }

  /** The text with its invisible characters written as U+XXXX, for messages. */
  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().limit(80).forEach(c -> b.append(invisible(c) || (Character.isSpaceChar(c)
        && c != ' ') ? String.format("U+%04X", c) : new String(Character.toChars(c))));
    return b.toString();
  }

  /** Whether {@code display} is this code's name or one of its synonyms (ignoring width). */
  public boolean names(String display) {
    String d = Texts.fold(display);
    if (d.equals(Texts.fold(name))) {
      return true;
    }
    for (String s : synonyms) {
      if (d.equals(Texts.fold(s))) {
        return true;
      }
    }
    return false;
  }
}

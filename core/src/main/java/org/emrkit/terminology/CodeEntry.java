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
    if (code.isEmpty() || code.length() > 64 || code.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("bad code \"" + code
          + "\": 1 to 64 characters without white space");
    }
    if (name.isBlank() || name.length() > 500 || name.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("bad name for code " + code
          + ": one line of 1 to 500 characters");
    }
    synonyms = List.copyOf(synonyms);
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

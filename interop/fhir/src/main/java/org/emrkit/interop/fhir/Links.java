package org.emrkit.interop.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.emrkit.template.Field;
import org.emrkit.template.FieldScope;

/**
 * Link ids: an item's link to the template. A field's is its JSON pointer in the values without
 * entry indexes ({@code /values/diagnoses/0/diagnosis} → {@code diagnoses/diagnosis}), a repeat
 * group's its id path ({@code diagnoses}), a section's its id after {@code #}
 * ({@code #chief-complaint}). Names in an expression are found in the scope of the item, then
 * at the top level, as the engine finds them.
 */
final class Links {

  private Links() {}

  /** The link id of a value pointer. */
  static String of(String pointer) {
    List<String> parts = new ArrayList<>();
    String[] p = pointer.split("/");
    for (int i = 0; i < p.length; i++) {
      String s = p[i];
      if (s.isEmpty() || (i == 1 && s.equals("values")) || s.equals("-") || s.startsWith("{")
          || s.chars().allMatch(Character::isDigit)) {
        continue;
      }
      parts.add(s.replace("~1", "/").replace("~0", "~"));
    }
    return String.join("/", parts);
  }

  /** The group path of a link id: all but its last part ({@code ""} at the top). */
  static String parent(String linkId) {
    int slash = linkId.lastIndexOf('/');
    return slash < 0 ? "" : linkId.substring(0, slash);
  }

  /** The scope a group path names, from the template's root scope. */
  static Optional<FieldScope> scope(FieldScope root, String groupPath) {
    FieldScope s = root;
    if (!groupPath.isEmpty()) {
      for (String g : groupPath.split("/")) {
        s = s.groups().get(g);
        if (s == null) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(s);
  }

  /**
   * The link id and field of a name read from an item in {@code groupPath}: the name in that
   * scope or an enclosing one, innermost first.
   */
  static Optional<Named> resolve(FieldScope root, String groupPath, String name) {
    String path = groupPath;
    while (true) {
      Optional<FieldScope> s = scope(root, path);
      if (s.isPresent() && s.get().fields().containsKey(name)) {
        return Optional.of(new Named(path.isEmpty() ? name : path + "/" + name,
            s.get().fields().get(name)));
      }
      if (path.isEmpty()) {
        return Optional.empty();
      }
      path = parent(path);
    }
  }

  /** A name's item: its link id and field. */
  record Named(String linkId, Field field) {}
}

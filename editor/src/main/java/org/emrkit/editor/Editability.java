package org.emrkit.editor;

import java.util.List;
import org.emrkit.edit.Access;
import org.emrkit.edit.EditAction;
import org.emrkit.edit.EditSession;
import org.emrkit.record.Record;
import org.emrkit.render.html.FormLocks;
import org.emrkit.template.Field;
import org.emrkit.template.FieldScope;
import org.emrkit.template.FieldType;
import org.emrkit.template.Template;

/**
 * Which parts of a record an actor may change now, as the form needs them: each field of the
 * record's root, each entry of each group, and new entries of each group, asked of the edit
 * session's gate (the policy, the signatures covering them, the actor's rank).
 */
final class Editability {

  private Editability() {}

  /** Adds to {@code editable} what may change and to {@code amend} what needs a reason. */
  static void of(EditSession s, Template t, Record r, List<String> editable, List<String> amend) {
    FieldScope root = t.scope();
    for (Field f : root.fields().values()) {
      if (f.type() != FieldType.CALC && f.type() != FieldType.MACRO) {
        add(s.access("/" + f.name()), "/values/" + f.name(), editable, amend);
      }
    }
    for (FieldScope g : root.groups().values()) {
      int n = r.values().rows(g.id()).size();
      for (int i = 0; i < n; i++) {
        add(s.access("/" + g.id() + "/" + i), "/values/" + g.id() + "/" + i, editable, amend);
      }
      add(s.access("/" + g.id() + "/" + n), "/values/" + g.id() + "/+" + n, editable, amend);
    }
  }

  private static void add(Access a, String path, List<String> editable, List<String> amend) {
    if (a.allowed()) {
      editable.add(path);
    }
    if (a.kind() == Access.Kind.AMEND) {
      amend.add(path);
    }
  }

  /**
   * The actions the page offers the actor: save (something may change), sign (the record, or
   * as a review), archive; each decided again when it is asked for.
   */
  static void actions(EditSession s, List<String> editable, List<String> actions) {
    if (!editable.isEmpty()) {
      actions.add("save");
    }
    if (s.may(EditAction.SIGN).isEmpty() || s.may(EditAction.REVIEW).isEmpty()) {
      actions.add("sign");
    }
    if (s.may(EditAction.ARCHIVE).isEmpty()) {
      actions.add("archive");
    }
  }

  /**
   * The form's locks from the paths that may change: a path may change when it or a path it
   * lies under is listed, or when it is entry N or later of a group listed as {@code G/+M} with
   * N ≥ M (as emrkit.js reads the same list).
   */
  static FormLocks locks(List<String> editable) {
    java.util.Set<String> paths = new java.util.HashSet<>();
    java.util.Map<String, Integer> from = new java.util.HashMap<>();
    for (String p : editable) {
      int plus = p.lastIndexOf("/+");
      if (plus > 0) {
        from.put(p.substring(0, plus), Integer.parseInt(p.substring(plus + 2)));
      } else {
        paths.add(p);
      }
    }
    return path -> {
      for (String p = path; !p.isEmpty(); p = p.substring(0, p.lastIndexOf('/'))) {
        int k = p.lastIndexOf('/');
        Integer min = from.get(p.substring(0, k));
        if (paths.contains(p) || min != null && p.substring(k + 1).matches("[0-9]{1,9}")
            && Integer.parseInt(p.substring(k + 1)) >= min) {
          return true;
        }
      }
      return false;
    };
  }
}

package org.emrkit.render.html;

/**
 * What an edit form draws locked: the paths ({@code /values/...}) the actor may not change now,
 * as the host's editing service decided them. Drawn in the HTML (read-only boxes, disabled
 * choices, marked {@code data-emr-locked}), so that a long sheet is not locked control by
 * control in the browser; emrkit.js keeps them so and may unlock them ({@code setEditable}).
 */
@FunctionalInterface
public interface FormLocks {

  /** Nothing locked beyond what the template makes read-only. */
  FormLocks NONE = path -> true;

  /** Whether the value at this path may be changed now. */
  boolean editable(String path);
}

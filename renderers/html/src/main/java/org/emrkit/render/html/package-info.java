/**
 * HTML rendering: {@link org.emrkit.render.html.HtmlRenderer} writes a record as the printed view
 * or the edit form, as a fragment or a full page; the form's script collects the values object.
 */
package org.emrkit.render.html;

/**
 * The template model: immutable records and sealed interfaces for record templates
 * ({@link org.emrkit.template.Template}, sections, paragraphs, fields, tables with merged cells,
 * repeat groups, conditionals, value sets), the fluent builders, and the pure table edit
 * operations that keep the grid invariant.
 */
package org.emrkit.template;

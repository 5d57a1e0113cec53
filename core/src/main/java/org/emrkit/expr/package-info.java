/**
 * The template expression language (template DSL §7) on a locked-down Apache Commons JEXL 3
 * engine: syntax checking with positions into the expression; evaluation follows with the
 * validation engine.
 */
package org.emrkit.expr;

/**
 * Validation: severities and bilingual messages shared by every kind of diagnostic (JSON read
 * problems, DSL diagnostics, validation findings). The validator and rule packs follow.
 */
package org.emrkit.validation;

/**
 * Terminology: the {@link org.emrkit.terminology.TerminologyService} hosts implement over their
 * code tables, an in-memory implementation from template value sets and CSV files, and format
 * checks for ICD-10 (clinical version) and ICD-9-CM-3. No full code table is bundled.
 */
package org.emrkit.terminology;

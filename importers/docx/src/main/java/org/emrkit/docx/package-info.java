/**
 * Word forms (.docx) read as templates: {@link org.emrkit.docx.DocxImporter} turns headings,
 * paragraphs, tables with merged cells, content controls, legacy form fields and literal
 * {@code {{...}}} fields into a {@link org.emrkit.template.Template} with diagnostics for its
 * author, and refuses hostile files.
 */
package org.emrkit.docx;

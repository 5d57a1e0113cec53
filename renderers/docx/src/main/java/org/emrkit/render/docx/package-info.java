/**
 * Records written as Word documents (.docx): {@link org.emrkit.render.docx.DocxRenderer}, a
 * print document with the PDF's layout rules, or a form of content controls that
 * {@link org.emrkit.docx.DocxImporter} reads back.
 */
package org.emrkit.render.docx;

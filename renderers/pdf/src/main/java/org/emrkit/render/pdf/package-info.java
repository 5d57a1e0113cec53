/**
 * PDF rendering with OpenPDF: {@link org.emrkit.render.pdf.PdfRenderer} lays out a record with
 * Chinese typography, running headers and footers, repeated table header rows and merged cells.
 */
package org.emrkit.render.pdf;

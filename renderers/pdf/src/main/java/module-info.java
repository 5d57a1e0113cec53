/** EMRKit PDF renderer: archival PDF with Chinese typography (OpenPDF). */
module org.emrkit.render.pdf {
  requires transitive org.emrkit.core;
  requires com.github.librepdf.openpdf;
  requires java.desktop;
  requires org.apache.fontbox;
  requires org.apache.pdfbox;
  requires org.apache.pdfbox.io;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.util;

  exports org.emrkit.render.pdf;

  provides org.emrkit.render.RenderFormat with org.emrkit.render.pdf.PdfFormat;
}

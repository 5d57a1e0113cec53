/** EMRKit PDF renderer: archival PDF with Chinese typography (OpenPDF). */
module org.emrkit.render.pdf {
  requires transitive org.emrkit.core;
  requires com.github.librepdf.openpdf;
  requires java.desktop;

  exports org.emrkit.render.pdf;
}

/**
 * EMRKit editing service: open, save, sign, archive and print a record for the actor the host's
 * session names; and a hardened adapter for the JDK's HTTP server.
 */
module org.emrkit.editor {
  requires transitive org.emrkit.core;
  requires transitive org.emrkit.render.html;
  requires org.emrkit.render.pdf;
  requires com.fasterxml.jackson.databind;
  requires transitive jdk.httpserver;

  exports org.emrkit.editor;
  exports org.emrkit.editor.http;
}

package org.emrkit.interop.cda;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.emrkit.problem.Problem;

/**
 * A record exported as a WS/T 500 shared document: the CDA document (UTF-8 XML) and the export
 * findings, the elements the standard requires that the record could not fill (never invented:
 * an element with no value is left out and reported here).
 *
 * @param document the document's bytes
 * @param findings export findings ({@code cda/...}), in document order
 */
public record CdaExport(byte[] document, List<Problem> findings) {

  /** Copies the members. */
  public CdaExport {
    document = document.clone();
    findings = List.copyOf(findings);
  }

  /** The document's bytes (a copy). */
  @Override
  public byte[] document() {
    return document.clone();
  }

  /** The document as text. */
  public String xml() {
    return new String(document, StandardCharsets.UTF_8);
  }
}

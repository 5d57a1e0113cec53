package org.emrkit.interop.fhir;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Code systems between EMRKit's names and FHIR's URIs, both ways and losslessly: the national
 * tables by their OIDs ({@code ICD-10} → {@code urn:oid:2.16.156.10011.2.3.3.11}), LOINC by its
 * URI, any other name as {@code urn:emrkit:system:NAME}.
 */
final class Systems {

  /** The data-element directory (卫生信息数据元目录) an item's code names its element in. */
  static final String DATA_ELEMENTS = "urn:oid:2.16.156.10011.2.2.1";
  private static final String OTHER = "urn:emrkit:system:";
  private static final Map<String, String> KNOWN = Map.of(
      "ICD-10", "urn:oid:2.16.156.10011.2.3.3.11",
      "ICD-9-CM-3", "urn:oid:2.16.156.10011.2.3.3.12",
      "GB/T2261.1", "urn:oid:2.16.156.10011.2.3.3.4",
      "GB/T2261.2", "urn:oid:2.16.156.10011.2.3.3.5",
      "GB3304", "urn:oid:2.16.156.10011.2.3.3.3",
      "LOINC", "http://loinc.org");

  private Systems() {}

  /** The URI of a code system name (null for null). */
  static String uri(String name) {
    if (name == null) {
      return null;
    }
    String known = KNOWN.get(name);
    return known != null ? known : OTHER + URLEncoder.encode(name, StandardCharsets.UTF_8);
  }

  /** The name of a code system URI: the inverse of {@link #uri}. */
  static String name(String uri) {
    if (uri == null) {
      return null;
    }
    for (Map.Entry<String, String> e : KNOWN.entrySet()) {
      if (e.getValue().equals(uri)) {
        return e.getKey();
      }
    }
    if (uri.startsWith(OTHER)) {
      return URLDecoder.decode(uri.substring(OTHER.length()), StandardCharsets.UTF_8);
    }
    return uri;
  }
}

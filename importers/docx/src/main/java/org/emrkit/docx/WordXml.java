package org.emrkit.docx;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ooxml.util.DocumentHelper;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reading WordprocessingML with the DOM: namespaces, children, {@code w:val}, toggles. */
final class WordXml {

  static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  static final String W14 = "http://schemas.microsoft.com/office/word/2010/wordml";

  private WordXml() {}

  /** A part's XML, parsed with POI's hardened parser (no DTDs, no external entities). */
  static Element parse(PackagePart part) throws IOException {
    try (InputStream in = part.getInputStream()) {
      return DocumentHelper.readDocument(in).getDocumentElement();
    } catch (org.xml.sax.SAXException e) {
      throw new IOException("the XML of " + part.getPartName().getName()
          + " is not well formed: " + e.getMessage(), e);
    }
  }

  static Element child(Element parent, String local) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && W.equals(e.getNamespaceURI())
          && local.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  static List<Element> elements(Element parent, String local) {
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && W.equals(e.getNamespaceURI())
          && local.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  static String val(Element e) {
    if (e == null) {
      return null;
    }
    String v = e.getAttributeNS(W, "val");
    return v.isEmpty() ? null : v;
  }

  static boolean on(Element toggle) {
    if (toggle == null) {
      return false;
    }
    String v = toggle.getAttributeNS(W, "val");
    return v.isEmpty() || !(v.equals("0") || v.equals("false") || v.equals("off"));
  }

  static int gridSkip(Element trPr, String what) {
    String v = val(child(trPr, what));
    return v != null && v.matches("\\d{1,3}") ? Integer.parseInt(v) : 0;
  }

  /** Rows, looking through row-level content controls and custom XML. */
  static void collectRows(Element parent, List<Element> out) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && W.equals(e.getNamespaceURI())) {
        switch (e.getLocalName()) {
          case "tr" -> out.add(e);
          case "sdt" -> collectRows(child(e, "sdtContent"), out);
          case "customXml" -> collectRows(e, out);
          default -> { }
        }
      }
    }
  }

  static void collectCells(Element parent, List<Element> out) {
    if (parent == null) {
      return;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && W.equals(e.getNamespaceURI())) {
        switch (e.getLocalName()) {
          case "tc" -> out.add(e);
          case "sdt" -> collectCells(child(e, "sdtContent"), out);
          case "customXml" -> collectCells(e, out);
          default -> { }
        }
      }
    }
  }
}

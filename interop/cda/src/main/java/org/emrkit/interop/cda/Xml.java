package org.emrkit.interop.cda;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The XML a CDA document is written with: the JDK's StAX writer in the HL7 v3 namespace, with
 * indentation, and shorthands for the element shapes CDA repeats. Errors are
 * {@link IllegalStateException}s (the caller turns them into a render error).
 */
final class Xml {
  static final String V3 = "urn:hl7-org:v3";
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
  private static final String[] INDENTS = new String[32];

  static {
    for (int i = 0; i < INDENTS.length; i++) {
      INDENTS[i] = "\n" + "  ".repeat(i);
    }
  }

  private final XMLStreamWriter w;
  private int depth;
  private boolean hadChild;

  private final java.io.StringWriter text = new java.io.StringWriter(16_384);

  Xml() {
    try {
      // to a Writer: the JDK's writer encodes to a stream a character at a time, five times slower
      w = FACTORY.createXMLStreamWriter(text);
      w.writeStartDocument("UTF-8", "1.0");
      w.setDefaultNamespace(V3);
      w.setPrefix("xsi", XSI);
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts the root element with the v3 and xsi namespaces. */
  Xml root(String name) {
    start(name);
    try {
      w.writeDefaultNamespace(V3);
      w.writeNamespace("xsi", XSI);
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  /** Starts an element; attributes follow with {@link #attr}. */
  Xml start(String name) {
    try {
      indent();
      w.writeStartElement(V3, name);
      depth++;
      hadChild = false;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  /** An element with no content and these attribute name/value pairs (null values left out). */
  Xml empty(String name, String... attrs) {
    try {
      indent();
      w.writeEmptyElement(V3, name);
      attrs(attrs);
      hadChild = true;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  /** Attribute name/value pairs on the element just started (null values left out). */
  Xml attr(String... attrs) {
    try {
      attrs(attrs);
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  /** {@code xsi:type} on the element just started. */
  Xml xsiType(String type) {
    try {
      w.writeAttribute("xsi", XSI, "type", type);
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  /**
   * Text as an XML 1.0 document may hold it. A vertical tab or form feed (pasted into a record
   * from another program; the record reader takes them) is written as a line break and other
   * control characters are left out: invisible, and no XML parser reads a document holding
   * them. U+FFFE, U+FFFF and half a surrogate pair, which the reader refuses and only a record
   * built through the API can hold, are refused ({@code render/character}; the record's
   * {@code json/character} rule names them where they stand).
   */
  static String checked(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (c == 0xFFFE || c == 0xFFFF || Character.isSurrogate(c)) {
        String u = String.format("U+%04X", (int) c);
        throw new org.emrkit.render.RenderException("render/character", "",
            org.emrkit.problem.Message.of("CDA 文档不能包含字符 " + u,
                "no CDA document may hold the character " + u), null);
      }
    }
    return org.emrkit.record.ValueText.printable(text);
  }


  /** Text content of the element just started. */
  Xml text(String text) {
    try {
      w.writeCharacters(checked(text));
      hadChild = false;
      textOnly = true;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  private boolean textOnly;

  /** An element holding only text. */
  Xml element(String name, String text) {
    start(name);
    text(text);
    return end();
  }

  /** Ends the element last started. */
  Xml end() {
    try {
      depth--;
      if (hadChild && !textOnly) {
        indent();
      }
      w.writeEndElement();
      hadChild = true;
      textOnly = false;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  /** Ends the document; returns it, UTF-8. */
  byte[] finish() {
    try {
      w.writeEndDocument();
      w.writeCharacters("\n");
      w.flush();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private void attrs(String... attrs) throws XMLStreamException {
    for (int i = 0; i < attrs.length; i += 2) {
      if (attrs[i + 1] != null) {
        w.writeAttribute(attrs[i], checked(attrs[i + 1]));
      }
    }
  }

  private void indent() throws XMLStreamException {
    if (!textOnly) {
      w.writeCharacters(depth < INDENTS.length ? INDENTS[depth] : "\n" + "  ".repeat(depth));
    }
  }
}

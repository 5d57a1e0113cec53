package org.emrkit.docx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A pass over a Word file before POI opens it, for what POI's own guards do not bound: the
 * total size of all parts unzipped (each part under POI's per-entry limit, sixteen of them
 * still took 1.3 GB), and how deeply an XML part nests (POI's parser recurses: 100,000 nested
 * runs overflowed the stack). Parts are inflated as a stream and counted, never held.
 */
final class ZipPrecheck {

  /** What is wrong with the file, or {@code null}. */
  record Problem(String code, String zh, String en) {}

  private static final XMLInputFactory XML = XMLInputFactory.newFactory();

  static {
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  private ZipPrecheck() {}

  static Problem check(byte[] docx, long maxUnzipped, int maxDepth) {
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        long before = total;
        String name = e.getName().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml") || name.endsWith(".rels")) {
          Counting in = new Counting(z, maxUnzipped - total);
          int depth = depth(in, maxDepth);
          total += in.count;
          if (depth > maxDepth) {
            return new Problem("docx/too-deep", "文档 XML 嵌套过深(" + e.getName() + " 超过 "
                + maxDepth + " 层)，已拒绝", e.getName() + " nests deeper than " + maxDepth
                + " elements; refused");
          }
        } else {
          for (int n; (n = z.read(buffer)) > 0; ) {
            total += n;
            if (total > maxUnzipped) {
              break;
            }
          }
        }
        if (total > maxUnzipped) {
          return tooBig(maxUnzipped);
        }
        long inflated = total - before;
        long packed = e.getCompressedSize(); // known once the entry has been read
        if (packed > 0 && inflated > 1024 * 1024 && inflated > 100 * packed) {
          // POI would refuse it too, after reading it whole into memory
          return new Problem("docx/zip-bomb", "文件解压后异常膨胀(" + e.getName()
              + " 膨胀超过 100 倍，疑似 zip 炸弹)，已拒绝", e.getName() + " expands more than 100"
              + " times, far more than a Word document does (a zip bomb?); refused");
        }
      }
    } catch (TooBig t) {
      return tooBig(maxUnzipped);
    } catch (IOException e) {
      return null; // not a zip POI can read either: POI says so, with its reason
    }
    return null;
  }

  private static Problem tooBig(long max) {
    return new Problem("docx/zip-bomb", "文件解压后超过 " + (max >> 20) + " MiB(疑似 zip 炸弹)，已拒绝",
        "the file unzips to more than " + (max >> 20) + " MiB (a zip bomb?); refused");
  }

  /** The deepest nesting of the XML, reading no further than one level past the limit. */
  private static int depth(InputStream in, int max) throws IOException {
    int depth = 0;
    int deepest = 0;
    XMLStreamReader r = null;
    try {
      r = XML.createXMLStreamReader(in);
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamReader.START_ELEMENT) {
          deepest = Math.max(deepest, ++depth);
          if (depth > max) {
            return depth;
          }
        } else if (ev == XMLStreamReader.END_ELEMENT) {
          depth--;
        }
      }
      return deepest;
    } catch (XMLStreamException e) {
      if (e.getCause() instanceof TooBig t) {
        throw t;
      }
      return deepest; // malformed XML: POI reports it
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException e) {
          // nothing held
        }
      }
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
  }

  /** Thrown when more bytes are read than the whole file may unzip to. */
  private static final class TooBig extends IOException {
    private static final long serialVersionUID = 1L;

    TooBig() {
      super("unzipped size limit", null);
    }
  }

  /** Counts what is read from one entry; fails past the budget. */
  private static final class Counting extends InputStream {
    private final InputStream in;
    private final long budget;
    long count;

    Counting(InputStream in, long budget) {
      this.in = in;
      this.budget = budget;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0 && ++count > budget) {
        throw new TooBig();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0 && (count += n) > budget) {
        throw new TooBig();
      }
      return n;
    }

    @Override
    public void close() {
      // the zip stream goes on with the next entry
    }
  }
}

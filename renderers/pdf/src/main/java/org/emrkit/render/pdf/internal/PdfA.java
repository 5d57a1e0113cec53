package org.emrkit.render.pdf.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.Set;
import java.util.TimeZone;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Turns OpenPDF's output into PDF/A-2b with PDFBox: XMP metadata (Dublin Core, XMP basic, PDF,
 * {@code pdfaid:part=2, conformance=B}) matching the document information, an sRGB output
 * intent (the JDK's own sRGB ICC profile), no CIDSet in font descriptors. It also makes the file
 * deterministic: dates from the renderer's clock, a trailer ID derived from the content, and
 * subset font tags derived from the embedded font data instead of OpenPDF's random ones.
 */
public final class PdfA {

  private static final String PRODUCER = "EMRKit (OpenPDF 2.0.5, PDFBox 3.0.8)";

  private PdfA() {}

  /** A change to the laid-out document before it is made PDF/A (pages left out, cut). */
  public interface Edit {
    /** Changes the document. */
    void apply(PDDocument doc) throws IOException;
  }

  /**
   * Lays a document out ({@code layout} writes OpenPDF's PDF to the stream it is given) into a
   * temporary file, so memory does not grow with the page count, then edits it with what {@code
   * edit} makes of the layout's result and writes it to {@code out} as PDF/A-2b.
   */
  public static <T> T write(OutputStream out, String title, String author, OffsetDateTime created,
      String idSeed, java.util.function.Function<OutputStream, T> layout,
      java.util.function.Function<T, Edit> edit) {
    File tmp = null;
    try {
      tmp = File.createTempFile("emrkit-", ".pdf");
      T result;
      try (OutputStream raw = new java.io.BufferedOutputStream(new java.io.FileOutputStream(tmp))) {
        result = layout.apply(raw);
      }
      convert(tmp, out, title, author, created, idSeed, edit.apply(result));
      return result;
    } catch (IOException e) {
      throw new org.emrkit.render.RenderException("render/io", "",
          org.emrkit.problem.Message.of("无法写出 PDF：" + e.getMessage(),
              "could not write the PDF: " + e.getMessage()), e);
    } finally {
      if (tmp != null && !tmp.delete()) {
        tmp.deleteOnExit();
      }
    }
  }

  /** Converts the PDF in {@code in}, changed by {@code edit}, and writes it to {@code out}. */
  static void convert(File in, OutputStream out, String title, String author,
      OffsetDateTime created, String idSeed, Edit edit) throws IOException {
    try (PDDocument doc = Loader.loadPDF(in, null, null, null,
        IOUtils.createTempFileOnlyStreamCache())) {
      edit.apply(doc);
      Calendar when = GregorianCalendar.from(created.toZonedDateTime());
      when.setTimeZone(TimeZone.getTimeZone(created.getOffset()));
      PDDocumentInformation info = new PDDocumentInformation();
      info.setTitle(title);
      info.setAuthor(author);
      info.setCreator("EMRKit");
      info.setProducer(PRODUCER);
      info.setCreationDate(when);
      info.setModificationDate(when);
      doc.setDocumentInformation(info);
      PDDocumentCatalog catalog = doc.getDocumentCatalog();
      catalog.setMetadata(metadata(doc, title, author, when));
      try (InputStream icc = new ByteArrayInputStream(
          ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData())) {
        PDOutputIntent intent = new PDOutputIntent(doc, icc);
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
      }
      fixFonts(doc.getDocument().getTrailer(), new HashSet<>());
      byte[] id = sha256((idSeed + "|" + created).getBytes(StandardCharsets.UTF_8));
      byte[] first = java.util.Arrays.copyOf(id, 16);
      COSArray ids = new COSArray();
      ids.add(new COSString(first));
      ids.add(new COSString(first));
      doc.getDocument().getTrailer().setItem(COSName.ID, ids);
      doc.save(out);
    }
  }

  private static PDMetadata metadata(PDDocument doc, String title, String author, Calendar when)
      throws IOException {
    try {
      XMPMetadata xmp = XMPMetadata.createXMPMetadata();
      DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
      dc.setTitle(title);
      dc.addCreator(author);
      XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
      basic.setCreateDate(when);
      basic.setModifyDate(when);
      basic.setCreatorTool("EMRKit");
      AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
      pdf.setProducer(PRODUCER);
      PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
      pdfa.setPart(2);
      pdfa.setConformance("B");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      new XmpSerializer().serialize(xmp, bytes, true);
      PDMetadata metadata = new PDMetadata(doc);
      metadata.importXMPMetadata(bytes.toByteArray());
      return metadata;
    } catch (BadFieldValueException | TransformerException e) {
      throw new IOException("cannot write XMP metadata", e);
    }
  }

  /** Walks the object graph: removes CIDSets and gives subset fonts deterministic tags. */
  private static void fixFonts(COSBase base, Set<COSBase> seen) throws IOException {
    COSBase b = base instanceof COSObject o ? o.getObject() : base;
    if (b == null || !seen.add(b)) {
      return;
    }
    if (b instanceof COSDictionary d) {
      if (COSName.FONT_DESC.equals(d.getCOSName(COSName.TYPE))) {
        d.removeItem(COSName.CID_SET);
      }
      if (COSName.FONT.equals(d.getCOSName(COSName.TYPE))) {
        retag(d);
      }
      for (COSName key : new java.util.ArrayList<>(d.keySet())) {
        if (!COSName.PARENT.equals(key)) {
          fixFonts(d.getItem(key), seen);
        }
      }
    } else if (b instanceof COSArray a) {
      for (int i = 0; i < a.size(); i++) {
        fixFonts(a.get(i), seen);
      }
    }
  }

  /** Replaces a random subset tag ({@code ABCDEF+Name}) with one derived from the font data. */
  private static void retag(COSDictionary font) throws IOException {
    String name = font.getNameAsString(COSName.BASE_FONT);
    if (name == null || !name.matches("[A-Z]{6}\\+.*")) {
      return;
    }
    COSDictionary descriptor = font.getCOSDictionary(COSName.FONT_DESC);
    COSArray descendants = font.getCOSArray(COSName.DESCENDANT_FONTS);
    if (descriptor == null && descendants != null && descendants.size() > 0
        && descendants.getObject(0) instanceof COSDictionary cid) {
      descriptor = cid.getCOSDictionary(COSName.FONT_DESC);
    }
    byte[] data = new byte[0];
    if (descriptor != null && descriptor.getDictionaryObject(COSName.FONT_FILE2) instanceof COSStream s) {
      try (InputStream in = s.createRawInputStream()) {
        data = in.readAllBytes();
      }
    }
    byte[] h = sha256(data);
    StringBuilder tag = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      tag.append((char) ('A' + (h[i] & 0xff) % 26));
    }
    String renamed = tag + name.substring(6);
    font.setName(COSName.BASE_FONT, renamed);
    if (descendants != null && descendants.size() > 0
        && descendants.getObject(0) instanceof COSDictionary cid) {
      cid.setName(COSName.BASE_FONT, renamed);
    }
    if (descriptor != null) {
      descriptor.setName(COSName.FONT_NAME, renamed);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}

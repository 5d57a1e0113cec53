package org.emrkit.render.pdf.internal;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfICCBased;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfStream;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.xml.xmp.PdfA1Schema;
import com.lowagie.text.xml.xmp.XmpWriter;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Makes OpenPDF's output PDF/A-2b as it is written: XMP metadata (Dublin Core, XMP basic, PDF,
 * {@code pdfaid:part=2, conformance=B}) matching the document information, an sRGB output intent
 * (the JDK's own sRGB ICC profile), no CIDSet in font descriptors ({@link Fonts}). It also makes
 * the file deterministic: dates from the renderer's clock, a trailer ID derived from the record
 * and the time, and subset font tags derived from the same ({@link Fonts#tagging}) instead of
 * OpenPDF's random ones. A print that leaves pages out or cuts one goes through PDFBox after
 * (as a temporary file, so memory does not grow with the page count); a whole document is
 * written straight to its stream, with no second pass.
 */
public final class PdfA {

  private static final String PRODUCER = "EMRKit (OpenPDF 2.0.5)";
  private static final String CUT = "EMRKit (OpenPDF 2.0.5, PDFBox 3.0.8)";

  private PdfA() {}

  /**
   * What a PDF/A file says of itself.
   *
   * @param title the document's title
   * @param author its author
   * @param created when it was made (both dates, in the XMP and the document information)
   * @param idSeed what, with {@code created}, the trailer ID and subset tags derive from
   * @param cut whether PDFBox edits the file after OpenPDF (a print that cuts pages): the
   *     producer names both
   */
  public record Meta(String title, String author, OffsetDateTime created, String idSeed,
      boolean cut) {

    byte[] id() {
      return java.util.Arrays.copyOf(
          sha256((idSeed + "|" + created).getBytes(StandardCharsets.UTF_8)), 16);
    }
  }

  /** A change to the laid-out document before it is written (pages left out, cut). */
  public interface Edit {
    /** Changes the document. */
    void apply(PDDocument doc) throws IOException;
  }

  /**
   * Makes what {@code writer} writes PDF/A-2b as {@code meta} says; called after the document
   * is opened and before it is closed, on the thread that closes it (its fonts take their tags
   * from {@link Fonts#tagging}).
   */
  public static void apply(PdfWriter writer, Meta meta) {
    try {
      Calendar when = GregorianCalendar.from(meta.created().toZonedDateTime());
      when.setTimeZone(TimeZone.getTimeZone(meta.created().getOffset()));
      PdfDictionary info = writer.getInfo();
      info.put(PdfName.TITLE, new PdfString(meta.title(), PdfObject.TEXT_UNICODE));
      info.put(PdfName.AUTHOR, new PdfString(meta.author(), PdfObject.TEXT_UNICODE));
      info.put(PdfName.CREATOR, new PdfString("EMRKit", PdfObject.TEXT_UNICODE));
      info.put(PdfName.PRODUCER, new PdfString(meta.cut() ? CUT : PRODUCER,
          PdfObject.TEXT_UNICODE));
      info.put(PdfName.CREATIONDATE, new PdfDate(when));
      info.put(PdfName.MODDATE, new PdfDate(when));
      byte[] id = meta.id();
      PdfArray ids = new PdfArray();
      ids.add(new PdfString(id).setHexWriting(true));
      ids.add(new PdfString(id).setHexWriting(true));
      // OpenPDF takes the trailer's ID from here when there is no encryption
      info.put(PdfName.FILEID, ids);
      // the XMP says what the information dictionary says (OpenPDF's writer takes it from
      // there), and that this is PDF/A-2b
      ByteArrayOutputStream xmp = new ByteArrayOutputStream();
      try (XmpWriter w = new XmpWriter(xmp, info, PdfWriter.PDFXNONE)) {
        PdfA1Schema pdfaid = new PdfA1Schema();
        pdfaid.addPart("2");
        pdfaid.addConformance("B");
        w.addRdfDescription(pdfaid);
      }
      writer.setXmpMetadata(xmp.toByteArray());
      PdfDictionary intent = new PdfDictionary(PdfName.OUTPUTINTENT);
      intent.put(PdfName.S, PdfName.GTS_PDFA1);
      for (PdfName key : List.of(PdfName.OUTPUTCONDITION, PdfName.OUTPUTCONDITIONIDENTIFIER,
          PdfName.INFO)) {
        intent.put(key, new PdfString("sRGB IEC61966-2.1"));
      }
      intent.put(PdfName.REGISTRYNAME, new PdfString("http://www.color.org"));
      intent.put(PdfName.DESTOUTPUTPROFILE, writer.addToBody(new PdfICCBased(
          ICC_Profile.getInstance(ColorSpace.CS_sRGB), PdfStream.BEST_SPEED))
          .getIndirectReference());
      writer.getExtraCatalog().put(PdfName.OUTPUTINTENTS, new PdfArray(intent));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Lays a document out ({@code layout} writes PDF/A-2b to the stream it is given) into a
   * temporary file, so memory does not grow with the page count, then edits it with what {@code
   * edit} makes of the layout's result and writes it to {@code out}, keeping its metadata and
   * ID.
   */
  public static <T> T write(OutputStream out, java.util.function.Function<OutputStream, T> layout,
      java.util.function.Function<T, Edit> edit) {
    File tmp = null;
    try {
      tmp = File.createTempFile("emrkit-", ".pdf");
      T result;
      try (OutputStream raw = new java.io.BufferedOutputStream(new java.io.FileOutputStream(tmp))) {
        result = layout.apply(raw);
      }
      try (PDDocument doc = Loader.loadPDF(tmp, null, null, null,
          IOUtils.createTempFileOnlyStreamCache())) {
        edit.apply(result).apply(doc);
        doc.save(out);
      }
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

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}

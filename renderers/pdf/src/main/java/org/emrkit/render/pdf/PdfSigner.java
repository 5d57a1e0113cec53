package org.emrkit.render.pdf;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.emrkit.problem.Message;
import org.emrkit.render.RenderException;

/**
 * Signs an archived PDF: an invisible signature field, {@code adbe.pkcs7.detached}, a CMS
 * SignedData over the byte range with SHA-256, signed attributes in the PAdES baseline-B style
 * (content type, message digest and ESS signing-certificate-v2; the signing time is the PDF's
 * {@code /M}). The signature is an incremental update, so the signed PDF/A-2b stays PDF/A-2b.
 *
 * <pre>{@code
 * PdfSigner signer = PdfSigner.builder(privateKey, certificateChain).reason("归档 archive").build();
 * signer.sign(in, out);
 * }</pre>
 *
 * <p>Immutable and thread-safe. With a fixed clock and a deterministic signature algorithm
 * (RSA PKCS#1 v1.5) the same input gives the same bytes.
 */
public final class PdfSigner {
  /** Bytes reserved for the CMS structure (hex-encoded twice this in the file). */
  private static final int RESERVED = 16_384;

  private final PrivateKey key;
  private final List<X509Certificate> chain;
  private final String algorithm;
  private final Clock clock;
  private final String name;
  private final String reason;
  private final String location;

  private PdfSigner(Builder b) {
    this.key = b.key;
    this.chain = List.copyOf(b.chain);
    this.algorithm = b.algorithm != null ? b.algorithm
        : "EC".equals(b.key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    this.clock = b.clock;
    this.name = b.name;
    this.reason = b.reason;
    this.location = b.location;
  }

  /**
   * A builder for a signer with the host's key and its certificate chain (signer first).
   *
   * @throws IllegalArgumentException if the chain is empty
   */
  public static Builder builder(PrivateKey key, List<X509Certificate> chain) {
    return new Builder(key, chain);
  }

  /**
   * Reads a PDF from {@code in} and writes it signed to {@code out} (neither closed). The input
   * is copied to a temporary file, so memory does not grow with the document.
   *
   * @throws RenderException if the input is not a PDF or signing fails; nothing is written then
   *     except what the incremental save had begun
   */
  public void sign(InputStream in, OutputStream out) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    File tmp = null;
    try {
      tmp = File.createTempFile("emrkit-sign-", ".pdf");
      Files.copy(in, tmp.toPath(), StandardCopyOption.REPLACE_EXISTING);
      try (PDDocument doc = Loader.loadPDF(tmp);
          SignatureOptions options = new SignatureOptions()) {
        PDSignature signature = new PDSignature();
        signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
        signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
        signature.setName(name != null ? name
            : chain.get(0).getSubjectX500Principal().getName());
        if (reason != null) {
          signature.setReason(reason);
        }
        if (location != null) {
          signature.setLocation(location);
        }
        Calendar at = new GregorianCalendar(TimeZone.getTimeZone(clock.getZone()));
        at.setTimeInMillis(clock.millis());
        signature.setSignDate(at);
        options.setPreferredSignatureSize(RESERVED);
        // the new trailer ID of the incremental update is a digest seeded with this, not the time
        doc.setDocumentId(clock.millis());
        doc.addSignature(signature, this::cms, options);
        doc.saveIncremental(out);
      }
    } catch (IOException e) {
      throw new RenderException("render/sign", "", Message.of("无法签署 PDF：" + e.getMessage(),
          "could not sign the PDF: " + e.getMessage()), e);
    } finally {
      if (tmp != null && !tmp.delete()) {
        tmp.deleteOnExit();
      }
    }
  }

  /** The detached CMS SignedData over the signed byte ranges. */
  private byte[] cms(InputStream content) throws IOException {
    try {
      byte[] data = content.readAllBytes();
      ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(key);
      X509Certificate cert = chain.get(0);
      byte[] certHash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
      ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
          certHash);
      ASN1EncodableVector attrs = new ASN1EncodableVector();
      attrs.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
          new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))));
      CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
      gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
          new JcaDigestCalculatorProviderBuilder().build())
          .setSignedAttributeGenerator(new NoSigningTime(new AttributeTable(attrs)))
          .build(signer, cert));
      gen.addCertificates(new JcaCertStore(new ArrayList<>(chain)));
      CMSSignedData signed = gen.generate(new CMSProcessableByteArray(data), false);
      return signed.getEncoded();
    } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /**
   * BouncyCastle's signed attributes without its signing time: PAdES puts the time in the
   * signature dictionary's {@code /M}, and the system clock would make output non-deterministic.
   */
  private static final class NoSigningTime extends DefaultSignedAttributeTableGenerator {
    NoSigningTime(AttributeTable table) {
      super(table);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected java.util.Hashtable createStandardAttributeTable(java.util.Map parameters) {
      java.util.Hashtable table = super.createStandardAttributeTable(parameters);
      table.remove(org.bouncycastle.asn1.cms.CMSAttributes.signingTime);
      return table;
    }
  }

  /** Builds a {@link PdfSigner}. */
  public static final class Builder {
    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private String algorithm;
    private Clock clock = Clock.systemDefaultZone();
    private String name;
    private String reason;
    private String location;

    private Builder(PrivateKey key, List<X509Certificate> chain) {
      this.key = Objects.requireNonNull(key, "key");
      this.chain = List.copyOf(chain);
      if (this.chain.isEmpty()) {
        throw new IllegalArgumentException("the certificate chain is empty");
      }
      try {
        this.chain.get(0).getEncoded();
      } catch (CertificateEncodingException e) {
        throw new IllegalArgumentException("the signer's certificate cannot be encoded", e);
      }
    }

    /** The JCA signature algorithm; default SHA256withRSA, or SHA256withECDSA for EC keys. */
    public Builder algorithm(String algorithm) {
      this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
      return this;
    }

    /** The clock giving the signing time ({@code /M}). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The signer's name; default the certificate's subject. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder reason(String reason) {
      this.reason = reason;
      return this;
    }

    public Builder location(String location) {
      this.location = location;
      return this;
    }

    public PdfSigner build() {
      return new PdfSigner(this);
    }
  }
}

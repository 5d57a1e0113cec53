package org.emrkit.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.emrkit.record.Record;
import org.emrkit.render.RenderException;
import org.emrkit.render.RenderOptions;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signing an archived PDF with a test key: the signature verifies, covers the file, stays PDF/A. */
class PdfSignerTest {
  static KeyPair keys;
  static X509Certificate cert;
  static byte[] archived;

  @BeforeAll
  static void setUp() throws Exception {
    PdfArchiveTest.veraPdf();
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048, new SecureRandom(new byte[] {1}));
    keys = g.generateKeyPair();
    X500Name subject = new X500Name("CN=李明 test signer,O=EMRKit test");
    cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
        subject, BigInteger.ONE, new Date(1_700_000_000_000L), new Date(2_000_000_000_000L),
        subject, keys.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    Template t = Corpus.template("discharge-record");
    Record rec = Corpus.record("clean--discharge-record.json", t);
    archived = PdfArchiveTest.render(PdfRenderer.builder().options(RenderOptions.builder().clock(PdfArchiveTest.CLOCK).build()).build(),
        t, rec);
  }

  static byte[] sign(PdfSigner signer, byte[] pdf) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    signer.sign(new ByteArrayInputStream(pdf), out);
    return out.toByteArray();
  }

  static PdfSigner signer() {
    return PdfSigner.builder(keys.getPrivate(), List.of(cert)).clock(PdfArchiveTest.CLOCK)
        .reason("归档 archive").location("示例市人民医院").build();
  }

  /** Verifies the CMS signature over the byte range of {@code pdf}; false if it does not hold. */
  static boolean verifies(byte[] pdf, byte[] contents, int[] range) throws Exception {
    byte[] signed = new byte[range[1] + range[3]];
    System.arraycopy(pdf, range[0], signed, 0, range[1]);
    System.arraycopy(pdf, range[2], signed, range[1], range[3]);
    CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), contents);
    SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
    assertThat(si.getDigestAlgOID()).isEqualTo("2.16.840.1.101.3.4.2.1"); // SHA-256
    assertThat(si.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2))
        .isNotNull();
    try {
      return si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
    } catch (org.bouncycastle.cms.CMSException e) {
      return false;
    }
  }

  @Test
  void theSignatureVerifiesAndCoversTheWholeFileExceptItsContents() throws Exception {
    byte[] pdf = sign(signer(), archived);
    assertThat(Arrays.copyOf(pdf, archived.length)).as("incremental update").isEqualTo(archived);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<PDSignature> sigs = doc.getSignatureDictionaries();
      assertThat(sigs).hasSize(1);
      PDSignature s = sigs.get(0);
      assertThat(s.getSubFilter()).isEqualTo("adbe.pkcs7.detached");
      assertThat(s.getReason()).isEqualTo("归档 archive");
      assertThat(s.getSignDate().toInstant()).isEqualTo(PdfArchiveTest.CLOCK.instant());
      int[] range = s.getByteRange();
      assertThat(range[0]).isZero();
      // the gap is exactly the <hex> of /Contents, and the range ends at the end of the file
      String gap = new String(pdf, range[1], range[2] - range[1], StandardCharsets.ISO_8859_1);
      assertThat(gap).startsWith("<").endsWith(">").matches("<[0-9A-Fa-f]+>");
      assertThat(range[2] + range[3]).isEqualTo(pdf.length);
      byte[] contents = s.getContents(pdf);
      assertThat(verifies(pdf, contents, range)).isTrue();

      // one changed byte inside the signed range breaks the signature
      byte[] tampered = pdf.clone();
      int at = range[2] + range[3] / 2;
      tampered[at] = (byte) (tampered[at] ^ 0x01);
      assertThat(verifies(tampered, contents, range)).isFalse();
    }
    assertThat(PdfArchiveTest.violations(pdf)).as("still PDF/A-2b").isEmpty();
  }

  @Test
  void theSameInputKeyAndClockGiveTheSameBytes() {
    assertThat(sign(signer(), archived)).isEqualTo(sign(signer(), archived));
  }

  @Test
  void notAPdfIsARenderErrorAndAnEmptyChainIsRefused() {
    assertThatThrownBy(() -> sign(signer(), "not a pdf".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(RenderException.class).hasMessageContaining("could not sign");
    assertThatThrownBy(() -> PdfSigner.builder(keys.getPrivate(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

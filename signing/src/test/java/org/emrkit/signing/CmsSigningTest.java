package org.emrkit.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emrkit.signing.Fixtures.ATTENDING;
import static org.emrkit.signing.Fixtures.CA;
import static org.emrkit.signing.Fixtures.CHIEF;
import static org.emrkit.signing.Fixtures.KEYS;
import static org.emrkit.signing.Fixtures.RESIDENT;
import static org.emrkit.signing.Fixtures.YEAR_START;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509CRL;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.cms.CMSSignedData;
import org.emrkit.edit.EditResult;
import org.emrkit.edit.EditSession;
import org.emrkit.edit.RecordAudit;
import org.emrkit.edit.SigningException;
import org.emrkit.json.RecordJson;
import org.emrkit.problem.Message;
import org.emrkit.record.Actor;
import org.emrkit.record.Proof;
import org.emrkit.record.Record;
import org.emrkit.record.Signature;
import org.emrkit.testing.TestClock;
import org.junit.jupiter.api.Test;

/** Signing with the test CA's keys and checking what was signed. */
class CmsSigningTest {

  static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-20T20:15:00+08:00");

  static Record signedBy(Actor a, CmsSigningService service) {
    TestClock clock = new TestClock("2026-11-20T20:15:00+08:00");
    EditSession s = EditSession.builder(Fixtures.ADMISSION, Fixtures.draft(a), a).clock(clock)
        .signingService(service).open();
    EditResult r = s.sign("");
    if (!r.isApplied()) {
      throw new AssertionError(r.refusal().toString());
    }
    return s.commit();
  }

  static byte[] entry(Signature s) {
    return RecordAudit.entry(s).getBytes(StandardCharsets.UTF_8);
  }

  static Optional<Message> verify(CmsProofVerifier v, Signature s) {
    return v.verify(s.proof(), entry(s), s.signer(), s.at());
  }

  @Test
  void aSignatureCarriesACmsProofByTheSignersKeyWithAChainOfTwo() throws Exception {
    Record r = signedBy(RESIDENT, (CmsSigningService) Fixtures.signing());
    Signature s = r.signatures().get(0);
    assertThat(s.proof().type()).isEqualTo("cms");
    CMSSignedData cms = new CMSSignedData(s.proof().bytes());
    assertThat(cms.isDetachedSignature()).isTrue();
    assertThat(cms.getCertificates().getMatches(null)).hasSize(2);
    assertThat(verify(CmsProofVerifier.builder(List.of(CA.certificate())).build(), s)).isEmpty();
    // it survives the record's JSON
    Record back = RecordJson.create().read(RecordJson.create().write(r), Fixtures.ADMISSION)
        .orElseThrow();
    assertThat(back.signatures().get(0).proof()).isEqualTo(s.proof());
    assertThat(verify(CmsProofVerifier.builder(List.of(CA.certificate())).build(),
        back.signatures().get(0))).isEmpty();
  }

  @Test
  void theProofSignsTheEntryNotSomethingElse() {
    Record r = signedBy(RESIDENT, (CmsSigningService) Fixtures.signing());
    Signature s = r.signatures().get(0);
    CmsProofVerifier v = CmsProofVerifier.builder(List.of(CA.certificate())).build();
    byte[] other = (RecordAudit.entry(s) + " ").getBytes(StandardCharsets.UTF_8);
    assertThat(v.verify(s.proof(), other, s.signer(), s.at())).hasValueSatisfying(
        m -> assertThat(m.zh()).contains("签名与内容不符"));
  }

  @Test
  void anUntrustedAuthorityIsRefused() {
    Record r = signedBy(RESIDENT, (CmsSigningService) Fixtures.signing());
    TestAuthority elsewhere = TestAuthority.create("别处的CA", YEAR_START, YEAR_START.plusYears(5),
        "EC");
    assertThat(verify(CmsProofVerifier.builder(List.of(elsewhere.certificate())).build(),
        r.signatures().get(0))).hasValueSatisfying(m -> assertThat(m.zh())
            .contains("不是由受信任的机构签发"));
  }

  @Test
  void anExpiredCertificateCannotSignAndNothingIsSigned() throws SigningException {
    Credential old = CA.issue(RESIDENT, YEAR_START, YEAR_START.plusMonths(6));
    CmsSigningService service = CmsSigningService.builder(a -> Optional.of(old)).build();
    TestClock clock = new TestClock("2026-11-20T20:15:00+08:00");
    Record draft = Fixtures.draft(RESIDENT);
    EditSession s = EditSession.builder(Fixtures.ADMISSION, draft, RESIDENT).clock(clock)
        .signingService(service).open();
    EditResult r = s.sign("");
    assertThat(r.refusal().code()).isEqualTo("edit/signing");
    assertThat(r.refusal().zh()).contains("证书已于", "过期");
    assertThat(s.record()).isSameAs(draft);
    // a proof made with that key anyway (asked at a time its certificate was valid) does not
    // verify for a signature dated after the expiry
    Signature later = signedBy(RESIDENT, (CmsSigningService) Fixtures.signing())
        .signatures().get(0);
    Proof p = service.sign(RESIDENT, entry(later), YEAR_START.plusMonths(1));
    assertThat(CmsProofVerifier.builder(List.of(CA.certificate())).build()
        .verify(p, entry(later), RESIDENT, later.at()))
        .hasValueSatisfying(m -> assertThat(m.zh()).contains("不在有效期内"));
  }

  @Test
  void aRevokedCertificateCannotSignAndSignaturesAfterItsRevocationDoNotVerify() {
    Credential key = KEYS.get(RESIDENT);
    X509CRL crl = CA.crl(AT.plusDays(1), Map.of(key.certificate(), AT.minusDays(1)));
    CmsSigningService refusing = CmsSigningService.builder(a -> Optional.of(key))
        .crls(List.of(crl)).build();
    EditSession s = EditSession.builder(Fixtures.ADMISSION, Fixtures.draft(RESIDENT), RESIDENT)
        .clock(new TestClock("2026-11-20T20:15:00+08:00")).signingService(refusing).open();
    assertThat(s.sign("").refusal().zh()).contains("被吊销");
    // signed before the revocation took effect: still valid; after: not
    Signature made = signedBy(RESIDENT, (CmsSigningService) Fixtures.signing())
        .signatures().get(0);
    CmsProofVerifier revokedBefore = CmsProofVerifier.builder(List.of(CA.certificate()))
        .crls(List.of(crl)).build();
    assertThat(verify(revokedBefore, made)).hasValueSatisfying(m -> assertThat(m.zh())
        .contains("被吊销", "早于签名时间"));
    X509CRL later = CA.crl(AT.plusDays(2), Map.of(key.certificate(), AT.plusDays(1)));
    assertThat(verify(CmsProofVerifier.builder(List.of(CA.certificate())).crls(List.of(later))
        .build(), made)).isEmpty();
  }

  @Test
  void aKeyIsOnlyItsOwnersAtSigningAndAtVerification() throws SigningException {
    // the host's key store hands the attending's key out for the chief: refused when signing
    CmsSigningService mixedUp = CmsSigningService.builder(a -> Optional.of(KEYS.get(ATTENDING)))
        .build();
    assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(SigningException.class,
        () -> mixedUp.sign(CHIEF, new byte[] {1}, AT)).message().zh()).contains("证书不是陈华的");
    // an insider with his own key signs an entry in the chief's name: refused when verified
    Signature chiefs = signedBy(CHIEF, (CmsSigningService) Fixtures.signing()).signatures().get(0);
    Proof own = CmsSigningService.builder(a -> Optional.of(KEYS.get(RESIDENT))).identity(
        c -> Optional.of(CHIEF.id())).build().sign(CHIEF, entry(chiefs), chiefs.at());
    assertThat(CmsProofVerifier.builder(List.of(CA.certificate())).build()
        .verify(own, entry(chiefs), CHIEF, chiefs.at()))
        .hasValueSatisfying(m -> assertThat(m.zh()).contains("证书签发给 u-1001（李明）",
            "不是签名人 u-4001（陈华）"));
  }

  @Test
  void aKeyStoreLooksKeysUpByUserId() {
    char[] pw = "test".toCharArray();
    var store = TestAuthority.keyStore(Map.of(RESIDENT.id(), KEYS.get(RESIDENT)), pw);
    CmsSigningService service = CmsSigningService.builder(CmsSigningService.keyStore(store, pw))
        .build();
    Signature s = signedBy(RESIDENT, service).signatures().get(0);
    assertThat(verify(CmsProofVerifier.builder(List.of(CA.certificate())).build(), s)).isEmpty();
    EditSession other = EditSession.builder(Fixtures.ADMISSION, Fixtures.draft(ATTENDING),
        ATTENDING).clock(new TestClock("2026-11-20T20:15:00+08:00")).signingService(service)
        .open();
    assertThat(other.sign("").refusal().zh()).contains("没有王强的签名密钥和证书");
  }
}

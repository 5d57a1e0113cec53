package org.emrkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.emrkit.record.Actor;
import org.emrkit.signing.Credential;
import org.emrkit.signing.Identities;
import org.emrkit.signing.TestAuthority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The demo's test keys: one per demo user, issued by the demo authority, valid 2026 to 2036.
 * Made again (and the bundled records then sealed again) with {@code -Demrkit.demokeys=true}.
 */
class DemoKeysTest {

  static final Path DIR = Path.of("src/main/resources/demo-keys");
  static final OffsetDateTime FROM = OffsetDateTime.parse("2026-01-01T00:00:00+08:00");

  @Test
  void everyDemoUserHasAKeyIssuedToThemByTheDemoAuthority() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(DIR.resolve("demo-keys.p12"))) {
      ks.load(in, DemoKeys.PASSWORD.toCharArray());
    }
    X509Certificate ca = DemoKeys.authority();
    for (Actor a : Editor.STAFF.values()) {
      assertThat(ks.isKeyEntry(a.id())).as(a.name()).isTrue();
      X509Certificate c = (X509Certificate) ks.getCertificate(a.id());
      assertThat(Identities.subjectUid().apply(c)).contains(a.id());
      c.verify(ca.getPublicKey());
      assertThat(c.getNotAfter().toInstant()).isAfter(FROM.plusYears(9).toInstant());
      assertThat(ks.getCertificateChain(a.id())).hasSize(2);
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "emrkit.demokeys", matches = "true")
  void makeTheDemoKeysAgain() throws Exception {
    TestAuthority ca = TestAuthority.create("EMRKit 演示医院 CA（仅供演示）", FROM,
        FROM.plusYears(10), "RSA");
    Map<String, Credential> keys = new LinkedHashMap<>();
    for (Actor a : Editor.STAFF.values()) {
      keys.put(a.id(), ca.issue(a, FROM, FROM.plusYears(10)));
    }
    KeyStore ks = TestAuthority.keyStore(keys, DemoKeys.PASSWORD.toCharArray());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ks.store(out, DemoKeys.PASSWORD.toCharArray());
    Files.createDirectories(DIR);
    Files.write(DIR.resolve("demo-keys.p12"), out.toByteArray());
    String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64,
        "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(ca.certificate().getEncoded())
        + "\n-----END CERTIFICATE-----\n";
    Files.writeString(DIR.resolve("demo-ca.pem"), pem);
  }
}

/**
 * EMRKit digital signatures: CMS proofs made with a signer's key, checked against a host's trust
 * anchors, and RFC 3161 time-stamped anchors of records' chain heads.
 */
module org.emrkit.signing {
  requires transitive org.emrkit.core;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.util;

  exports org.emrkit.signing;
}

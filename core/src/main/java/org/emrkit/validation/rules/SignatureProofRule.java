package org.emrkit.validation.rules;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.emrkit.edit.RecordAudit;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Signature;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.RecordRule;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code integrity/signature}: a signature whose digital signature does not verify (wrong key,
 * content changed, certificate not trusted, expired, revoked or someone else's), or, when the
 * policy requires them, a signature without one (veto).
 */
final class SignatureProofRule implements RecordRule {
  static final RuleInfo INFO = Infos.info("integrity/signature", "电子签名无效",
      "digital signature missing or invalid", "中华人民共和国电子签名法 第十三条；电子病历应用管理规范(试行)(2017) 第十四条",
      Severity.ERROR, "0", true, "签名 sig-2（王主任）的电子签名无效：证书签发给 u-1001（李明），不是签名人 u-3001",
      "the digital signature of sig-2 (王主任) does not verify: the certificate is issued to"
          + " u-1001 (李明), not to the signer u-3001");

  private final IntegrityPolicy policy;

  SignatureProofRule(IntegrityPolicy policy) {
    this.policy = policy;
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext context, Reporter reporter) {
    for (int i = 0; i < context.record().signatures().size(); i++) {
      Signature s = context.record().signatures().get(i);
      String who = s.id() + "（" + s.signer().name() + "）";
      String whoEn = s.id() + " (" + s.signer().name() + ")";
      if (s.proof() == null) {
        if (policy.requireProofs()) {
          reporter.report("/signatures/" + i, new Message("签名 " + who
              + " 没有电子签名：未经签名人的密钥确认", "signature " + whoEn + " has no digital"
              + " signature: no key of the signer vouches for it"));
        }
        continue;
      }
      if (policy.proofs() == null) {
        continue;
      }
      Optional<Message> wrong = policy.proofs().verify(s.proof(),
          RecordAudit.entry(s).getBytes(StandardCharsets.UTF_8), s.signer(), s.at());
      if (wrong.isPresent()) {
        reporter.report("/signatures/" + i + "/proof", new Message("签名 " + who + " 的电子签名无效："
            + wrong.get().zh(), "the digital signature of " + whoEn + " does not verify: "
            + wrong.get().en()));
      }
    }
  }
}

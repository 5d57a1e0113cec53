package org.emrkit.validation.rules;

import java.util.List;
import java.util.Objects;
import org.emrkit.validation.Rule;

/**
 * The integrity pack ({@code integrity/*}): what the hash chain alone cannot vouch for, checked
 * with what the host provides ({@link IntegrityPolicy}): every signature's digital signature
 * ({@code integrity/signature}) and the record's chain against every anchor of its head
 * ({@code integrity/anchor}). The chain itself is checked by {@code cn/trace-integrity} in the
 * writing-standard pack. See docs/integrity.md.
 */
public final class IntegrityRules {
  private IntegrityRules() {}

  /** The pack, checking what {@code policy} asks for. */
  public static List<Rule> pack(IntegrityPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    return List.of(new SignatureProofRule(policy), new AnchorRule(policy));
  }
}

package org.emrkit.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.emrkit.edit.Audit;
import org.emrkit.edit.EditResult;
import org.emrkit.edit.EditSession;
import org.emrkit.edit.ProofVerifier;
import org.emrkit.edit.RecordAudit;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.Role;
import org.emrkit.record.Signature;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.signing.CmsProofVerifier;
import org.emrkit.signing.CmsSigningService;
import org.emrkit.signing.Credential;
import org.emrkit.signing.TestAuthority;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.emrkit.testing.CorpusSealer;
import org.emrkit.testing.TestClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What checking a long record costs, one thread: a 一般护理记录单 with 1,000 revisions (its
 * creation, 499 rows added by the nurse over three weeks, 500 later entries in them) and 100 row
 * signatures, each with a CMS proof by the nurse's key (ECDSA P-256 or RSA 2048, a chain of
 * two). Side by side: reading its JSON, the audit (chain, replay, comparison), and the audit with
 * every proof verified.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar IntegrityBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class IntegrityBenchmark {
  private static final Actor NURSE = new Actor("u-3001", "赵芳", Role.NURSE);
  private Template template;
  private Record record;
  private String json;
  private ProofVerifier verifier;

  /** The nurse's key: ECDSA P-256 or RSA 2048. */
  @Param({"EC", "RSA"})
  public String key;

  /** The record (made once; about ten seconds of signing). */
  @Setup
  public void setup() {
    template = Corpus.template("nursing-record");
    OffsetDateTime from = OffsetDateTime.parse("2026-01-01T00:00:00+08:00");
    TestAuthority ca = TestAuthority.create("bench CA", from, from.plusYears(5), key);
    Credential credential = ca.issue(NURSE, from, from.plusYears(2));
    Record r = CorpusSealer.unseal(Corpus.record("clean--nursing-record.json", template));
    r = r.withValues(Values.EMPTY);
    TestClock clock = new TestClock("2026-11-20T08:00:00+08:00");
    EditSession s = EditSession.builder(template, r, NURSE).clock(clock)
        .signingService(CmsSigningService.builder(a -> Optional.of(credential)).build()).open();
    for (int i = 0; i < 499; i++) {
      clock.advance(Duration.ofHours(1));
      Values row = Values.of(Map.of("at", new Value.DateTime(OffsetDateTime.now(clock)),
          "t", new Value.Num(new BigDecimal("36." + (i % 10))), "p", new Value.Num(
              BigDecimal.valueOf(70 + i % 20)), "observation", new Value.Str("第" + (i + 1)
              + "次巡视，患者安静，生命体征平稳。")));
      ok(s.addEntry("/nursingRows", row));
      if (i % 5 == 0) {
        ok(s.sign("/nursingRows/" + i));
      }
    }
    // 500 entries of respiration in rows not signed, as a nurse fills them in later
    for (int k = 0; k < 500; k++) {
      int i = 1 + k % 498;
      i = i % 5 == 0 ? i - 1 : i;
      clock.advance(Duration.ofMinutes(1));
      ok(s.set("/nursingRows/" + i + "/r", new Value.Num(BigDecimal.valueOf(16 + k % 7))));
    }
    record = s.commit();
    if (record.revisions().size() != 1000 || record.signatures().size() != 100) {
      throw new IllegalStateException("not the record measured: " + record.revisions().size()
          + " revisions, " + record.signatures().size() + " signatures");
    }
    json = RecordJson.create().write(record);
    verifier = CmsProofVerifier.builder(List.of(ca.certificate())).build();
  }

  private static void ok(EditResult r) {
    if (!r.isApplied()) {
      throw new IllegalStateException(r.refusal().toString());
    }
  }

  /** Reading the record's JSON (schema, template checks), for scale. */
  @Benchmark
  public Record readJson() {
    return RecordJson.create().read(json, template).orElseThrow();
  }

  /** The audit: every entry hashed, the chain followed, the trace replayed and compared. */
  @Benchmark
  public boolean audit() {
    Audit a = RecordAudit.audit(template, record);
    if (!a.intact()) {
      throw new IllegalStateException(a.findings().toString());
    }
    return a.intact();
  }

  /** The audit and every signature's CMS proof checked (signature, chain, identity). */
  @Benchmark
  public int auditAndProofs() {
    int ok = audit() ? 1 : 0;
    for (Signature sig : record.signatures()) {
      if (verifier.verify(sig.proof(), RecordAudit.entry(sig).getBytes(StandardCharsets.UTF_8),
          sig.signer(), sig.at()).isEmpty()) {
        ok++;
      }
    }
    if (ok != 101) {
      throw new IllegalStateException("a proof did not verify");
    }
    return ok;
  }
}

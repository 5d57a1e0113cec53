package org.emrkit.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.emrkit.json.CanonicalJson;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Record;
import org.emrkit.record.Revision;
import org.emrkit.record.Signature;
import org.emrkit.record.SignatureScope;
import org.emrkit.record.Values;
import org.emrkit.template.Template;

/**
 * The tamper evidence of a record: its hash chain, and what the chain says the record must be.
 * Stateless, thread-safe. docs/integrity.md describes the model and its limits; in short:
 *
 * <p><b>Entries.</b> Every revision and every signature is one entry of the chain. An entry's
 * content is the canonical JSON ({@link CanonicalJson}) of an object with its kind
 * ({@code "type": "revision"} or {@code "signature"}), every member of the entry
 * ({@link #entry(Revision)}, {@link #entry(Signature)}) and {@code "previous"}, the hash of the
 * entry before it ({@code null} for the first); absent values are JSON {@code null}. Its hash is
 * the lower-case hex SHA-256 of the content's UTF-8 bytes. The chain's order is the order of its
 * links, not of the lists the record keeps them in.
 *
 * <p><b>What the chain covers.</b> The first entry is the record's creation ({@code /@record}):
 * id, template (with the SHA-256 of its canonical JSON), context, completion time and values.
 * Every later change of context, completion time, status, values or a signature's superseded
 * flag is a revision; every signature hashes the content it covers and names the field it
 * filled. Replaying the chain gives the record's context, completion time, status and values
 * (signature fields aside); a signature field's value must be one a signature put there.
 * {@link #audit} replays it and reports every difference, naming what was changed.
 *
 * <p><b>What it does not cover alone.</b> Someone who can rewrite the stored record and knows this
 * description can recompute a chain; a signature's {@link org.emrkit.record.Proof proof} (a
 * digital signature by the signer's key over the signature's entry) and an anchor of the chain's
 * head kept outside the record ({@link AnchorLog}) are what stop that; the integrity rule pack
 * checks both.
 */
public final class RecordAudit {

  private RecordAudit() {}

  /**
   * Audits a record against the template it was filled from: the chain (every entry's hash,
   * links and order), the replay of its trace, and the record against what the replay gives.
   * Never throws for a bad record: everything found is in the result.
   */
  public static Audit audit(Template template, Record record) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(record, "record");
    List<AuditFinding> findings = new ArrayList<>();
    List<Links.Link> chain = Links.order(record, findings);
    Replay replay = Replay.of(template, chain, findings.isEmpty());
    findings.addAll(replay.out);
    new Comparison(template, record, replay, findings).run();
    List<ChainEntry> entries = chain.stream()
        .map(l -> new ChainEntry(l.pointer(), l.content(), l.hash())).toList();
    return new Audit(findings, entries, replay.status);
  }

  /**
   * The hash of the chain's last entry (the one no other entry follows), or empty when the
   * record has no chain. Not a check: {@link #audit} is.
   */
  public static Optional<String> head(Record record) {
    Set<String> followed = new HashSet<>();
    List<String> hashes = new ArrayList<>();
    for (Revision r : record.revisions()) {
      followed.add(r.previousHash());
      hashes.add(r.hash());
    }
    for (Signature s : record.signatures()) {
      followed.add(s.previousHash());
      hashes.add(s.hash());
    }
    for (int i = hashes.size() - 1; i >= 0; i--) {
      if (hashes.get(i) != null && !followed.contains(hashes.get(i))) {
        return Optional.of(hashes.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a signature of {@code scope} covers the value at {@code path} (a JSON pointer into
   * values): the whole record covers everything, a section the names in it, an entry itself, what
   * lies in it and the group it lies in.
   */
  public static boolean covers(Template template, SignatureScope scope, String path) {
    return Gate.covers(Layout.of(template), scope, path);
  }

  /** The number of entries in the record's chain (revisions and signatures). */
  public static int length(Record record) {
    return record.revisions().size() + record.signatures().size();
  }

  /**
   * The chain entry of a revision: {@code type, seq, actor {id, name, role}, at, path, old, new,
   * reason, level, previous}; {@code old} and {@code new} are the JSON values themselves.
   *
   * @throws IllegalArgumentException when the revision's old or new value is not JSON text
   */
  public static String entry(Revision revision) {
    return Entries.revision(Objects.requireNonNull(revision, "revision"));
  }

  /**
   * The chain entry of a signature, which is also what its proof signs: {@code type, id,
   * signer {id, name, role}, at, scope, field, contentHash, previous}.
   */
  public static String entry(Signature signature) {
    return Entries.signature(Objects.requireNonNull(signature, "signature"));
  }

  /** The hash of an entry: lower-case hex SHA-256 of its UTF-8 bytes. */
  public static String hash(String entry) {
    return Entries.sha256(Objects.requireNonNull(entry, "entry"));
  }

  /**
   * The hash a signature of {@code scope} takes over {@code values}: lower-case hex SHA-256 of
   * the canonical JSON of the covered content, signature values and empty groups left out.
   * {@code ""} covers all values; {@code section:ID} the values of the names in that section (an
   * object); a JSON pointer the entry or value it names ({@code null} when there is none).
   */
  public static String contentHash(Template template, Values values, SignatureScope scope) {
    return hashOf(Layout.of(template), stripped(template, values), scope);
  }

  /** The values as the chain sees them: canonical, signature values and empty groups left out. */
  static ObjectNode stripped(Template template, Values values) {
    return ValueTrees.strip(CanonicalJson.parse(RecordJson.canonical(values)), template.scope());
  }

  /** {@link #contentHash} over values already as the chain sees them. */
  static String hashOf(Layout layout, ObjectNode values, SignatureScope scope) {
    JsonNode covered;
    if (scope instanceof SignatureScope.OfSection section) {
      Set<String> names = layout.names(section.id());
      ObjectNode part = CanonicalJson.NODES.objectNode();
      values.properties().forEach(e -> {
        if (names.contains(e.getKey())) {
          part.set(e.getKey(), e.getValue());
        }
      });
      covered = part;
    } else if (scope instanceof SignatureScope.OfEntry entry) {
      covered = ValueTrees.get(values, ValueTrees.tokens(entry.pointer()));
    } else {
      covered = values;
    }
    return Entries.sha256(covered == null ? "null" : CanonicalJson.write(covered));
  }
}

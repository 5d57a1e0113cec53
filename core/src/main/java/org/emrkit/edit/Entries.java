package org.emrkit.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.emrkit.json.CanonicalJson;
import org.emrkit.json.RecordJson;
import org.emrkit.json.TemplateJson;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.Revision;
import org.emrkit.record.Signature;
import org.emrkit.template.PerTemplate;
import org.emrkit.template.Template;

/**
 * The bytes of the hash chain (package-private; documented in {@link RecordAudit} and
 * docs/integrity.md): each entry is the canonical JSON ({@link CanonicalJson}) of an object that
 * names its kind, every member of the entry and the hash of the entry before it; absent values are
 * JSON {@code null}, never a stand-in string; an entry's hash is the SHA-256 of its UTF-8 bytes.
 */
final class Entries {

  private Entries() {}

  /** The chain entry of a revision. */
  static String revision(Revision r) {
    return revision(r, json(r.oldValue()), json(r.newValue()));
  }

  /** The chain entry of a revision whose old and new values are already trees. */
  static String revision(Revision r, JsonNode old, JsonNode now) {
    ObjectNode o = CanonicalJson.NODES.objectNode();
    o.put("type", "revision");
    o.put("seq", r.seq());
    o.set("actor", actor(r.actor()));
    o.put("at", RecordJson.dateTime(r.at()));
    o.put("path", r.path().wire());
    o.set("old", old);
    o.set("new", now);
    o.put("reason", r.reason());
    o.put("level", r.level());
    o.put("previous", r.previousHash());
    return CanonicalJson.write(o);
  }

  /** The chain entry of a signature: what its proof signs (its flag and proof are not in it). */
  static String signature(Signature s) {
    ObjectNode o = CanonicalJson.NODES.objectNode();
    o.put("type", "signature");
    o.put("id", s.id());
    o.set("signer", actor(s.signer()));
    o.put("at", RecordJson.dateTime(s.at()));
    o.put("scope", s.scope().wire());
    o.put("field", s.field());
    o.put("contentHash", s.contentHash());
    o.put("previous", s.previousHash());
    return CanonicalJson.write(o);
  }

  /**
   * The value the first revision ({@code /@record}) gives the record: its id, template (id,
   * version and the SHA-256 of its canonical JSON), context, completion time and values, with
   * signature values left out (signatures put those there).
   */
  static String created(Record r, Template t) {
    ObjectNode o = CanonicalJson.NODES.objectNode();
    o.put("id", r.id());
    ObjectNode tpl = o.putObject("template");
    tpl.put("id", r.template().id());
    tpl.put("version", r.template().version());
    tpl.put("sha256", templateHash(t));
    o.set("context", RecordJson.tree(r.context()));
    o.put("completedAt", r.completedAt() == null ? null
        : RecordJson.dateTime(r.completedAt()));
    o.set("values", ValueTrees.strip(RecordJson.tree(r.values()), t.scope()));
    return CanonicalJson.write(o);
  }

  private static final PerTemplate<String> TEMPLATE_HASHES = new PerTemplate<>(
      t -> sha256(CanonicalJson.canonical(TemplateJson.create().write(t))));

  /** The SHA-256 of a template's canonical JSON (kept for the 64 templates used last). */
  static String templateHash(Template t) {
    return TEMPLATE_HASHES.get(t);
  }

  /** Lower-case hex SHA-256 of the UTF-8 bytes of a text. */
  static String sha256(String text) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(d.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  private static ObjectNode actor(Actor a) {
    ObjectNode o = CanonicalJson.NODES.objectNode();
    o.put("id", a.id());
    o.put("name", a.name());
    o.put("role", a.role().label());
    return o;
  }

  /**
   * Stored JSON text as a tree ({@code null} and JSON {@code null} alike: no value is ever JSON
   * null).
   *
   * @throws IllegalArgumentException when the text is not JSON
   */
  static JsonNode json(String text) {
    return text == null ? NullNode.getInstance() : CanonicalJson.parse(text);
  }
}

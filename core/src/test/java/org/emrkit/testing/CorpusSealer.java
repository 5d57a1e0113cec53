package org.emrkit.testing;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.emrkit.edit.EditResult;
import org.emrkit.edit.EditSession;
import org.emrkit.edit.PermissionPolicy;
import org.emrkit.edit.SigningService;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.RecordStatus;
import org.emrkit.record.Revision;
import org.emrkit.record.TracePath;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.FieldScope;
import org.emrkit.template.Template;

/**
 * Makes a corpus record what an edit session would have made of it: a record written with its
 * signatures typed into the signature fields (as the corpus once was) becomes one whose
 * signatures were made, at those times, by those people, with a hash chain from its creation.
 * Revisions a session would refuse (a change after archiving, an amendment without a reason) are
 * appended as an {@link Insider} would, so that the rule they break still finds them. A change
 * with a reason is signed again by whoever made it, as the workflow asks.
 */
public final class CorpusSealer {

  private CorpusSealer() {}

  /** A signature typed into a field: where, by whom, when. */
  private record Typed(List<String> tokens, Actor actor, OffsetDateTime at) {}

  /** One thing that happened to the record, in time order. */
  private record Event(OffsetDateTime at, Typed typed, Revision revision) {}

  /** The record as sessions would have made it from the source's typed signatures and trace. */
  public static Record seal(Template t, Record source) {
    return seal(t, source, SigningService.none());
  }

  /**
   * {@link #seal(Template, Record)} with each signature's digital signature made by
   * {@code signing} (the signer's own key).
   */
  public static Record seal(Template t, Record source, SigningService signing) {
    List<Typed> typed = new ArrayList<>();
    typed(source.values(), t.scope(), List.of(), typed);
    Values start = withoutSigned(source.values(), t.scope());
    List<Revision> old = source.revisions();
    for (int i = old.size() - 1; i >= 0; i--) {
      Revision v = old.get(i);
      if (v.path() instanceof TracePath.OfValue p) {
        start = put(t, start, p.pointer(), v.oldValue());
      }
    }
    List<Event> events = new ArrayList<>();
    typed.forEach(x -> events.add(new Event(x.at(), x, null)));
    old.forEach(v -> events.add(new Event(v.at(), null, v)));
    events.sort(Comparator.comparing((Event e) -> e.at().toInstant()));
    Record r = new Record(source.id(), source.template(), source.embeddedTemplate(),
        RecordStatus.DRAFT, source.context(), start, source.completedAt(), List.of(), List.of(),
        source.extensions());
    for (Event e : events) {
      r = e.typed() != null ? sign(t, r, e.typed().actor(), e.at(), scope(e.typed().tokens()),
          signing) : revise(t, r, e.revision(), signing);
    }
    return r;
  }

  private static String scope(List<String> tokens) {
    return tokens.size() == 1 ? "" : "/" + String.join("/", tokens.subList(0,
        tokens.size() - 1));
  }

  private static Record sign(Template t, Record r, Actor actor, OffsetDateTime at, String scope,
      SigningService signing) {
    EditSession s = session(t, r, actor, at, signing);
    EditResult res = s.sign(scope);
    if (!res.isApplied()) {
      throw new IllegalStateException(actor.name() + " cannot sign " + scope + ": "
          + res.refusal());
    }
    return s.commit();
  }

  private static Record revise(Template t, Record r, Revision v, SigningService signing) {
    EditSession s = session(t, r, v.actor(), v.at(), signing);
    EditResult res;
    if (v.path() instanceof TracePath.OfStatus) {
      if (!"\"archived\"".equals(v.newValue())) {
        return r; // signing moves a draft to signed
      }
      res = s.archive();
    } else {
      String p = ((TracePath.OfValue) v.path()).pointer();
      Value now = value(t, p, v.newValue());
      res = now == null ? s.clear(p, v.reason()) : s.set(p, now, v.reason());
    }
    if (res.isApplied()) {
      Record done = s.commit();
      boolean superseded = done.signatures().stream().filter(x -> x.superseded()).count()
          > r.signatures().stream().filter(x -> x.superseded()).count();
      return superseded && v.reason() != null ? sign(t, done, v.actor(),
          v.at().plus(Duration.ofMinutes(1)), "", signing) : done;
    }
    // what a session refuses, an insider appends (with a chain that links)
    String p = ((TracePath.OfValue) v.path()).pointer();
    Record changed = r.withValues(put(t, r.values(), p, v.newValue()));
    int seq = r.revisions().size() + 1;
    return Insider.append(changed, new Revision(seq, v.actor(), v.at(), v.path(), v.oldValue(),
        v.newValue(), v.reason(), v.actor().role().rank(), null, null));
  }

  private static EditSession session(Template t, Record r, Actor actor, OffsetDateTime at,
      SigningService signing) {
    return EditSession.builder(t, r, actor).clock(new TestClock(RecordJson.dateTime(at)))
        .policy(PermissionPolicy.allowAll()).signingService(signing).open();
  }

  /** Top-level values with {@code pointer} (one name) set to the JSON value, or cleared. */
  private static Values put(Template t, Values values, String pointer, String json) {
    String name = pointer.substring(1);
    if (name.contains("/")) {
      throw new IllegalArgumentException("only top-level values are replayed: " + pointer);
    }
    Value v = value(t, pointer, json);
    return v == null ? values.without(name) : values.with(name, v);
  }

  private static Value value(Template t, String pointer, String json) {
    if (json == null) {
      return null;
    }
    String name = pointer.substring(1);
    return RecordJson.create().readValues("{\"" + name + "\": " + json + "}", t).orElseThrow()
        .get(name).orElseThrow();
  }

  private static void typed(Values values, FieldScope scope, List<String> at, List<Typed> out) {
    for (Map.Entry<String, Value> e : values.asMap().entrySet()) {
      List<String> here = new ArrayList<>(at);
      here.add(e.getKey());
      if (e.getValue() instanceof Value.Signed s) {
        out.add(new Typed(here, s.signer().actor(), s.signer().at()));
      } else if (e.getValue() instanceof Value.Rows rows && scope.group(e.getKey()).isPresent()) {
        for (int i = 0; i < rows.rows().size(); i++) {
          List<String> row = new ArrayList<>(here);
          row.add(String.valueOf(i));
          typed(rows.rows().get(i), scope.group(e.getKey()).get(), row, out);
        }
      }
    }
  }

  private static Values withoutSigned(Values values, FieldScope scope) {
    Map<String, Value> out = new java.util.LinkedHashMap<>();
    values.asMap().forEach((k, v) -> {
      if (v instanceof Value.Rows rows && scope.group(k).isPresent()) {
        out.put(k, new Value.Rows(rows.rows().stream()
            .map(x -> withoutSigned(x, scope.group(k).get())).toList()));
      } else if (!(v instanceof Value.Signed)) {
        out.put(k, v);
      }
    });
    return Values.of(out);
  }

  /** A sealed record as a draft nobody has signed: no chain, no signatures, no signature values. */
  public static Record unsigned(Record sealed, org.emrkit.template.Template t) {
    Record r = unseal(sealed);
    return r.withValues(withoutSigned(r.values(), t.scope()));
  }

  /** The source a sealed record was made from: its signatures typed in, no chain (a draft). */
  public static Record unseal(Record sealed) {
    return new Record(sealed.id(), sealed.template(), sealed.embeddedTemplate(),
        RecordStatus.DRAFT, sealed.context(), sealed.values(), sealed.completedAt(), List.of(),
        List.of(), sealed.extensions());
  }
}

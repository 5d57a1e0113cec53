package org.emrkit.edit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.emrkit.record.Actor;
import org.emrkit.record.Context;
import org.emrkit.record.Encounter;
import org.emrkit.record.Patient;
import org.emrkit.record.Record;
import org.emrkit.record.Signer;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Field;
import org.emrkit.template.FieldScope;
import org.emrkit.template.FieldType;
import org.emrkit.template.Template;
import org.emrkit.terminology.DataElements;

/**
 * De-identified copies of records for research (脱敏). Configurable rules; the defaults:
 *
 * <ul>
 *   <li>patient name → a pseudonym {@code 患者-xxxxxxxx}; medical record number, encounter id and
 *       record id → pseudonyms; the same patient gets the same pseudonyms in every record (keyed
 *       HMAC-SHA256 of the MRN, or of name + birth date, under the host's secret);
 *   <li>ID type and number, phone and address → removed; the host's {@code extensions} → emptied;
 *   <li>every date and time (birth date, encounter events, completion, date and datetime values,
 *       signature times) → shifted by the same whole number of days per patient (between
 *       −{@code maxShiftDays} and +{@code maxShiftDays}, never 0), so intervals are kept;
 *   <li>fields whose data element is a name or ID number ({@code DE02.01.039.00},
 *       {@code DE02.01.030.00}), and fields named by {@link Builder#dropField}, → removed; the
 *       patient's name, MRN, ID number and phone inside any text value → replaced;
 *   <li>staff in signatures and as author → pseudonyms {@code 医务人员-xxxxxx} (role kept);
 *   <li>the revision trace and the signature entries → dropped (they identify staff and hold old
 *       values); status, template and clinical content are kept.
 * </ul>
 *
 * <p>Without the secret the pseudonyms cannot be linked back; with it, the same input always
 * gives the same copy (deterministic).
 */
public final class Deidentifier {

  static final Set<String> IDENTIFYING_ELEMENTS = Set.of("DE02.01.039.00", "DE02.01.030.00");

  private final byte[] secret;
  private final int maxShiftDays;
  private final Set<String> dropFields;
  private final boolean pseudonymiseStaff;

  private Deidentifier(Builder b) {
    this.secret = b.secret;
    this.maxShiftDays = b.maxShiftDays;
    this.dropFields = Set.copyOf(b.dropFields);
    this.pseudonymiseStaff = b.pseudonymiseStaff;
  }

  /** A builder; {@code secret} keys the pseudonyms and date shifts (keep it out of the data). */
  public static Builder builder(String secret) {
    return new Builder(secret);
  }

  /** Options. */
  public static final class Builder {
    private final byte[] secret;
    private int maxShiftDays = 180;
    private final Set<String> dropFields = new HashSet<>();
    private boolean pseudonymiseStaff = true;

    private Builder(String secret) {
      Objects.requireNonNull(secret, "secret");
      if (secret.length() < 16) {
        throw new IllegalArgumentException("the secret must have at least 16 characters");
      }
      this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Dates move by up to this many days either way (default 180; 0 keeps dates). */
    public Builder maxShiftDays(int days) {
      if (days < 0 || days > 3650) {
        throw new IllegalArgumentException("maxShiftDays must be 0 to 3650");
      }
      this.maxShiftDays = days;
      return this;
    }

    /** Also removes the fields of this name (in any scope), e.g. a free-text contact field. */
    public Builder dropField(String name) {
      dropFields.add(Objects.requireNonNull(name, "name"));
      return this;
    }

    /** Whether staff names and ids become pseudonyms (default true). */
    public Builder pseudonymiseStaff(boolean on) {
      this.pseudonymiseStaff = on;
      return this;
    }

    /** The de-identifier. */
    public Deidentifier build() {
      return new Deidentifier(this);
    }
  }

  /** The de-identified copy of a record filled from {@code template}. */
  public Record apply(Template template, Record record) {
    Patient p = record.context().patient();
    String key = p.mrn() != null ? "mrn:" + p.mrn()
        : "person:" + p.name() + "|" + p.birthDate() + "|" + p.sex();
    long shift = shiftDays(key);
    Map<String, String> replace = new LinkedHashMap<>();
    String pseudonym = "患者-" + mac("name", key).substring(0, 8);
    put(replace, p.name(), pseudonym);
    put(replace, p.mrn(), "P" + mac("mrn", key).substring(0, 12));
    put(replace, p.idNumber(), "***");
    put(replace, p.phone(), "***");
    Patient patient = new Patient(p.name() == null ? null : pseudonym, p.sex(),
        p.birthDate() == null ? null : p.birthDate().plusDays(shift),
        p.mrn() == null ? null : replace.get(p.mrn()), null, null, null, null);
    Encounter e = record.context().encounter();
    Map<String, OffsetDateTime> events = new LinkedHashMap<>();
    e.events().forEach((k, v) -> events.put(k, v.plusDays(shift)));
    Encounter encounter = new Encounter(e.id() == null ? null
        : "E" + mac("encounter", key + "|" + e.id()).substring(0, 12), e.department(), e.ward(),
        e.bed(), e.admittedAt() == null ? null : e.admittedAt().plusDays(shift), e.condition(),
        events);
    Actor author = record.context().author() == null ? null : staff(record.context().author());
    Context context = new Context(patient, encounter, record.context().org(), author);
    Values values = values(template.scope(), record.values(), shift, replace, 0);
    return new Record("R" + mac("record", key + "|" + record.id()).substring(0, 16),
        record.template(), record.embeddedTemplate(), record.status(), context, values,
        record.completedAt() == null ? null : record.completedAt().plusDays(shift), List.of(),
        List.of(), "{}");
  }

  private Values values(FieldScope scope, Values values, long shift, Map<String, String> replace,
      int depth) {
    Map<String, Value> out = new LinkedHashMap<>();
    values.asMap().forEach((name, v) -> {
      Field f = scope.fields().get(name);
      if (dropFields.contains(name) || f != null && f.dataElement() != null
          && IDENTIFYING_ELEMENTS.contains(DataElements.root(f.dataElement()))) {
        return;
      }
      if (v instanceof Value.Rows rows && depth < 50) {
        FieldScope g = scope.groups().get(name);
        out.put(name, new Value.Rows(rows.rows().stream()
            .map(r -> values(g == null ? scope : g, r, shift, replace, depth + 1)).toList()));
      } else if (v instanceof Value.Str s) {
        String t = s.value();
        for (Map.Entry<String, String> x : replace.entrySet()) {
          t = t.replace(x.getKey(), x.getValue());
        }
        out.put(name, new Value.Str(t));
      } else if (v instanceof Value.Date d) {
        out.put(name, new Value.Date(d.value().plusDays(shift)));
      } else if (v instanceof Value.DateTime d) {
        out.put(name, new Value.DateTime(d.value().plusDays(shift)));
      } else if (v instanceof Value.Signed s) {
        out.put(name, new Value.Signed(new Signer(staff(s.signer().actor()),
            s.signer().at().plusDays(shift))));
      } else if (f == null || f.type() != FieldType.SIGNATURE) {
        out.put(name, v);
      }
    });
    return Values.of(out);
  }

  private Actor staff(Actor a) {
    if (!pseudonymiseStaff) {
      return a;
    }
    String h = mac("staff", a.id()).substring(0, 6);
    return new Actor("S" + h, "医务人员-" + h, a.role());
  }

  private long shiftDays(String key) {
    if (maxShiftDays == 0) {
      return 0;
    }
    long n = Long.parseUnsignedLong(mac("shift", key).substring(0, 15), 16);
    long days = n % (2L * maxShiftDays) - maxShiftDays;
    return days >= 0 ? days + 1 : days; // never 0: a shift of 0 would leave dates as they were
  }

  private String mac(String purpose, String text) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(m.doFinal((purpose + "\n" + text)
          .getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException ex) {
      throw new IllegalStateException("HmacSHA256 is required of every Java platform", ex);
    }
  }

  private static void put(Map<String, String> replace, String from, String to) {
    if (from != null && from.length() >= 2) {
      replace.put(from, to);
    }
  }
}

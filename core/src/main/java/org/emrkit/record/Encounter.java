package org.emrkit.record;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The hospital stay (住院) a record belongs to, with the event times the writing-standard time
 * limits are measured from. Every member but {@code events} is optional.
 *
 * @param id the host's encounter id; records of one {@link Chart} share it
 * @param department department (科室)
 * @param ward ward (病区)
 * @param bed bed (床号)
 * @param admittedAt admission time
 * @param condition the patient's condition: {@code critical} (病危), {@code serious} (病重) or
 *     another word for neither; drives the progress-note frequency rule
 * @param events further event times by name ({@code surgeryEndedAt}, {@code dischargedAt},
 *     {@code diedAt}, {@code rescueEndedAt}, ...); events that have not happened are absent
 */
public record Encounter(String id, String department, String ward, String bed,
    OffsetDateTime admittedAt, String condition, Map<String, OffsetDateTime> events) {

  private static final Pattern EVENT = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");

  /** An encounter with nothing known. */
  public static final Encounter EMPTY = new Encounter(null, null, null, null, null, null, Map.of());

  /** Checks the members and copies the events, sorted by name. */
  public Encounter {
    Checks.optionalLine(id, "encounter id", 100);
    Checks.optionalLine(department, "department", 100);
    Checks.optionalLine(ward, "ward", 100);
    Checks.optionalLine(bed, "bed", 32);
    Checks.optionalLine(condition, "condition", 32);
    TreeMap<String, OffsetDateTime> copy = new TreeMap<>();
    (events == null ? Map.<String, OffsetDateTime>of() : events).forEach((k, v) -> {
      if (!EVENT.matcher(k).matches()) {
        throw new IllegalArgumentException("bad event name \"" + k + "\"");
      }
      copy.put(k, java.util.Objects.requireNonNull(v, "event " + k));
    });
    events = Collections.unmodifiableMap(copy);
  }

  /** The time of an event; {@code admittedAt} is found here too. */
  public Optional<OffsetDateTime> event(String name) {
    if ("admittedAt".equals(name)) {
      return Optional.ofNullable(admittedAt);
    }
    return Optional.ofNullable(events.get(name));
  }
}

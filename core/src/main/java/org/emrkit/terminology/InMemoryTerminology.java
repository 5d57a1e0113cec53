package org.emrkit.terminology;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.emrkit.template.Concept;
import org.emrkit.template.Template;
import org.emrkit.template.ValueSet;

/**
 * Code systems and value sets held in memory, indexed once. Template value sets are indexed on
 * first use and kept (per template id, version and set). Immutable and thread-safe once built.
 */
public final class InMemoryTerminology implements TerminologyService {

  private static final int MAX_CACHED = 1000;

  private final Map<String, CodeTable> valueSets;
  private final Map<String, CodeTable> systems;
  private final Map<String, CodeTable> latest;
  private final Map<String, CodeSystemRef> aliases;
  private final Readings readings;
  private final Map<String, CodeTable> templateSets = new ConcurrentHashMap<>();

  private InMemoryTerminology(Builder b) {
    this.valueSets = Map.copyOf(b.valueSets);
    this.systems = Map.copyOf(b.systems);
    this.latest = Map.copyOf(b.latest);
    this.aliases = Map.copyOf(b.aliases);
    this.readings = b.readings;
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A template value set as a table (not requiring full codes). */
  static CodeTable table(ValueSet set, Readings readings) {
    CodeTable.Builder b = CodeTable.builder(set.id(), null)
        .title(set.system() == null ? set.id() : set.id() + " (" + set.system() + ")");
    for (Concept c : set.concepts()) {
      b.add(c.code(), c.display());
    }
    return b.build(readings);
  }

  @Override
  public Optional<CodeTable> valueSet(String id) {
    return Optional.ofNullable(id == null ? null : valueSets.get(id));
  }

  @Override
  public Optional<CodeTable> system(CodeSystemRef ref) {
    CodeTable t = loaded(ref);
    return Optional.ofNullable(t == null && aliases.containsKey(ref.id())
        ? loaded(aliases.get(ref.id())) : t);
  }

  /** That version, or without one the version added last; null when not loaded. */
  private CodeTable loaded(CodeSystemRef ref) {
    return ref.version() == null ? latest.get(ref.id()) : systems.get(ref.toString());
  }

  @Override
  public CodeTable templateValueSet(Template template, ValueSet set) {
    String key = template.id() + "|" + template.version() + "|" + set.id();
    CodeTable t = templateSets.get(key);
    if (t == null) {
      t = table(set, readings);
      if (templateSets.size() < MAX_CACHED) {
        templateSets.put(key, t);
      }
    }
    return t;
  }

  /** Collects tables. Not thread-safe. */
  public static final class Builder {
    private final Map<String, CodeTable> valueSets = new LinkedHashMap<>();
    private final Map<String, CodeTable> systems = new LinkedHashMap<>();
    private final Map<String, CodeTable> latest = new LinkedHashMap<>();
    private final Map<String, CodeSystemRef> aliases = new LinkedHashMap<>();
    private Readings readings = Readings.none();

    private Builder() {}

    /**
     * How template value sets are read for 拼音 search (default: not at all; {@code
     * emrkit-terminology}'s {@code Pinyin.readings()} reads them).
     */
    public Builder readings(Readings readings) {
      this.readings = Objects.requireNonNull(readings, "readings");
      return this;
    }

    /** Adds a template value set as host value set under its id. */
    public Builder add(ValueSet valueSet) {
      return valueSet(valueSet.id(), table(valueSet, readings));
    }

    /** Adds a host value set ({@code valueset=@host:id}). */
    public Builder valueSet(String id, CodeTable table) {
      valueSets.put(Objects.requireNonNull(id, "id"), Objects.requireNonNull(table, "table"));
      return this;
    }

    /**
     * Adds a code system version. The last version added of an id answers references without a
     * version; add the one the hospital codes with last.
     */
    public Builder system(CodeTable table) {
      CodeSystemRef ref = table.ref();
      systems.put(ref.toString(), table);
      latest.put(ref.id(), table);
      return this;
    }

    /** Lets templates' {@code system=name} (e.g. {@code ICD-10}) mean {@code target}. */
    public Builder alias(String name, CodeSystemRef target) {
      aliases.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(target, "target"));
      return this;
    }

    /** The service. */
    public InMemoryTerminology build() {
      return new InMemoryTerminology(this);
    }
  }
}

package org.emrkit.terminology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A code system in one version (ICD-10 国家临床版 2.0) or a value set, indexed once for lookup,
 * closest-code suggestions and search by code, Chinese text and 拼音. Immutable and thread-safe.
 * Build one with {@link #builder}; {@code emrkit-terminology} builds them from the spreadsheets
 * and CSV files hospitals receive.
 */
public final class CodeTable {

  /** The most entries a table holds (ICD-10 国家临床版 2.0 has about 33,000). */
  public static final int MAX_ENTRIES = 1_000_000;
  /** The most synonyms an entry has. */
  public static final int MAX_SYNONYMS = 30;

  private final CodeSystemRef ref;
  private final String title;
  private final boolean fullCodes;
  private final Map<String, CodeEntry> byCode;
  private final SearchIndex index;

  private CodeTable(Builder b, List<CodeEntry> entries, Readings readings) {
    this.ref = b.ref;
    this.title = b.title;
    this.fullCodes = b.fullCodes;
    Map<String, CodeEntry> m = new HashMap<>(entries.size() * 2);
    entries.forEach(e -> m.put(e.code(), e));
    this.byCode = Collections.unmodifiableMap(m);
    this.index = new SearchIndex(entries, readings);
  }

  /** Starts a table of system (or value set) {@code id}, version {@code version} or null. */
  public static Builder builder(String id, String version) {
    return new Builder(new CodeSystemRef(id, version));
  }

  /** The system (or value set) and version. */
  public CodeSystemRef ref() {
    return ref;
  }

  /** The title people read: {@code ICD-10 国家临床版 2.0}. */
  public String title() {
    return title;
  }

  /**
   * Whether a record must carry a full code (not a category such as {@code I20} that has codes
   * below it): true for the national diagnosis and operation lists.
   */
  public boolean requiresFullCodes() {
    return fullCodes;
  }

  /** How many codes. */
  public int size() {
    return byCode.size();
  }

  /** All entries, in code order. */
  public List<CodeEntry> entries() {
    return index.entries();
  }

  /** The entry with exactly this code. */
  public Optional<CodeEntry> find(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code));
  }

  /**
   * Up to {@code n} codes nearest to {@code code}, for “did you mean”: those sharing its longest
   * start ({@code I20} → {@code I20.000}, {@code I20.100} …), nearest in code order first.
   */
  public List<CodeEntry> closest(String code, int n) {
    return index.closest(code, n);
  }

  /**
   * Up to {@code limit} (at most 100) entries the query finds, best first: the exact code, codes
   * starting with it, names starting with it, 拼音 (initials, full or mixed, every reading of a
   * polyphonic character) from the start of a name, then inside it, then Chinese text inside a
   * name; within a kind, shorter names first, then code order. A blank query, or one longer than
   * 64 characters, finds nothing.
   */
  public List<Match> search(String query, int limit) {
    return index.search(query, limit, false);
  }

  /**
   * The entries a record may carry that the query finds: as {@link #search}, without categories
   * when the list {@linkplain #requiresFullCodes requires full codes} (what an editor offers).
   */
  public List<Match> searchCodable(String query, int limit) {
    return index.search(query, limit, fullCodes);
  }

  @Override
  public String toString() {
    return ref + " (" + size() + " codes)";
  }

  /** Collects entries. Not thread-safe. */
  public static final class Builder {
    private final CodeSystemRef ref;
    private String title;
    private boolean fullCodes;
    private final Map<String, CodeEntry> rows = new java.util.LinkedHashMap<>();

    private Builder(CodeSystemRef ref) {
      this.ref = ref;
      this.title = ref.toString();
    }

    /** The title people read. */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    /** Whether records must carry full codes, not categories (default false). */
    public Builder fullCodes(boolean fullCodes) {
      this.fullCodes = fullCodes;
      return this;
    }

    /** Whether the table already has {@code code}. */
    public boolean has(String code) {
      return rows.containsKey(code);
    }

    /**
     * Adds a code with its name and synonyms. A code added twice, a bad code or name, too many
     * synonyms or too many codes is an {@link IllegalArgumentException}.
     */
    public Builder add(String code, String name, String... synonyms) {
      if (rows.containsKey(code)) {
        throw new IllegalArgumentException("code " + code + " is listed twice");
      }
      if (rows.size() >= MAX_ENTRIES) {
        throw new IllegalArgumentException("more than " + MAX_ENTRIES + " codes");
      }
      if (synonyms.length > MAX_SYNONYMS) {
        throw new IllegalArgumentException("code " + code + " has more than " + MAX_SYNONYMS
            + " synonyms");
      }
      rows.put(code, new CodeEntry(code, name, List.of(synonyms), false));
      return this;
    }

    /** The table, its search index built with {@code readings}. */
    public CodeTable build(Readings readings) {
      List<String> codes = new ArrayList<>(rows.keySet());
      codes.sort(SearchIndex.CODE_ORDER);
      List<CodeEntry> entries = new ArrayList<>(codes.size());
      for (int i = 0; i < codes.size(); i++) {
        CodeEntry e = rows.get(codes.get(i));
        entries.add(extendedBelow(codes, i)
            ? new CodeEntry(e.code(), e.name(), e.synonyms(), true) : e);
      }
      return new CodeTable(this, entries, readings);
    }

    /**
     * A code is a category when a later code in code order continues it with '.' or a digit
     * ({@code I20} by {@code I20.000}, {@code I20.0} by {@code I20.000}); an extension code
     * ({@code I10.x00} by {@code I10.x00x032}) leaves it a full code.
     */
    private static boolean extendedBelow(List<String> sorted, int i) {
      String c = sorted.get(i).toUpperCase(java.util.Locale.ROOT);
      for (int j = i + 1; j < sorted.size(); j++) {
        String d = sorted.get(j).toUpperCase(java.util.Locale.ROOT);
        if (!d.startsWith(c)) {
          return false;
        }
        char next = d.charAt(c.length());
        if (next == '.' || Character.isDigit(next)) {
          return true;
        }
      }
      return false;
    }
  }
}

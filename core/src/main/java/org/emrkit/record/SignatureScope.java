package org.emrkit.record;

import java.util.Objects;
import org.emrkit.template.SectionNames;

/**
 * What a signature covers: the whole record, a section of the template, or one entry (a repeat
 * group's entry or a repeating table's row, such as a nursing row). Written in record JSON as
 * {@code ""}, {@code section:ID} and a JSON pointer into the values ({@code /nursingRows/3}).
 * Parsed once, at the edge ({@link #parse}).
 */
public sealed interface SignatureScope
    permits SignatureScope.WholeRecord, SignatureScope.OfSection, SignatureScope.OfEntry {

  /** The whole record. */
  SignatureScope RECORD = new WholeRecord();

  /** The wire form: {@code ""}, {@code section:ID} or a JSON pointer. */
  String wire();

  /**
   * Whether a signature of this scope covers the value at {@code path} (a JSON pointer into
   * values): the whole record covers everything, a section the names in it, an entry itself,
   * what lies in it and the group it lies in.
   */
  default boolean covers(SectionNames sections, String path) {
    if (this instanceof OfSection section) {
      return sections.names(section.id()).contains(SectionNames.rootName(path));
    }
    return !(this instanceof OfEntry entry) || entry.overlaps(path);
  }

  /**
   * Reads the wire form.
   *
   * @throws IllegalArgumentException for anything else (with what was wrong)
   */
  static SignatureScope parse(String wire) {
    Objects.requireNonNull(wire, "scope");
    if (wire.length() > 500 || wire.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(
          "signature scope must be one line of at most 500 characters");
    }
    if (wire.isEmpty()) {
      return RECORD;
    }
    if (wire.startsWith("section:")) {
      return new OfSection(wire.substring("section:".length()));
    }
    if (wire.startsWith("/")) {
      return new OfEntry(wire);
    }
    throw new IllegalArgumentException("a signature scope is \"\", section:ID or a JSON pointer"
        + " to an entry, not " + wire);
  }

  /** The whole record. */
  record WholeRecord() implements SignatureScope {
    @Override
    public String wire() {
      return "";
    }

    @Override
    public String toString() {
      return "(record)";
    }
  }

  /** A section of the template, by id. @param id the section id */
  record OfSection(String id) implements SignatureScope {
    /** Checks the id. */
    public OfSection {
      Objects.requireNonNull(id, "id");
      if (id.isEmpty()) {
        throw new IllegalArgumentException("a section scope needs the section's id");
      }
    }

    @Override
    public String wire() {
      return "section:" + id;
    }

    @Override
    public String toString() {
      return wire();
    }
  }

  /**
   * One entry of a repeat group or repeating table.
   *
   * @param pointer JSON pointer into the values ({@code /nursingRows/3})
   */
  record OfEntry(String pointer) implements SignatureScope {
    /** Checks the pointer. */
    public OfEntry {
      Objects.requireNonNull(pointer, "pointer");
      if (!pointer.startsWith("/")) {
        throw new IllegalArgumentException("an entry scope is a JSON pointer, not " + pointer);
      }
    }

    @Override
    public String wire() {
      return pointer;
    }

    /** Whether a value path lies in this entry, or the entry lies inside it. */
    public boolean overlaps(String path) {
      return path.equals(pointer) || path.startsWith(pointer + "/")
          || pointer.startsWith(path + "/");
    }

    @Override
    public String toString() {
      return pointer;
    }
  }
}

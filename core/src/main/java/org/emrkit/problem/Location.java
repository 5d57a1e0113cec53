package org.emrkit.problem;

import java.util.Objects;

/**
 * Where a problem is, in the terms of whoever must fix it: a place in a source file (template
 * authors), a JSON pointer (hosts, and the record's fields), or a named place in a document (the
 * author of a Word form). Immutable.
 */
public sealed interface Location permits Location.Source, Location.Pointer, Location.Place {

  /** The location as one line of text, as it appears in messages. */
  String describe();

  /** A place in a text file: 1-based line and column (in code points). */
  record Source(String file, int line, int column) implements Location {
    /** Checks the members. */
    public Source {
      Objects.requireNonNull(file, "file");
      if (line < 1 || column < 1) {
        throw new IllegalArgumentException("line and column are 1-based");
      }
    }

    /** {@code file:line:column}. */
    @Override
    public String describe() {
      return file + ":" + line + ":" + column;
    }
  }

  /** A JSON pointer into a document ({@code ""}: the whole document). */
  record Pointer(String pointer) implements Location {
    /** Checks the member. */
    public Pointer {
      Objects.requireNonNull(pointer, "pointer");
    }

    /** The pointer, {@code /} for the whole document. */
    @Override
    public String describe() {
      return pointer.isEmpty() ? "/" : pointer;
    }

    /**
     * A name as one reference token of a pointer: {@code ~} as {@code ~0} and {@code /} as
     * {@code ~1} (RFC 6901), so that {@code a/b} is one step, not two.
     */
    public static String token(String name) {
      return name.replace("~", "~0").replace("/", "~1");
    }
  }

  /** A place in a document that has no pointers: {@code table 2, row 3, cell 1} in a file. */
  record Place(String file, String where) implements Location {
    /** Checks the members. */
    public Place {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(where, "where");
    }

    /** {@code file: where}. */
    @Override
    public String describe() {
      return file + ": " + where;
    }
  }

  /** A JSON pointer location. */
  static Location pointer(String pointer) {
    return new Pointer(pointer);
  }
}

package org.emrkit.record;

import java.util.Objects;

/**
 * What a revision of the trace changed: a value of the record (a JSON pointer into
 * {@code values}, {@code ""} for all of them), or something of the record itself that no field
 * can be, under {@code /@}: the record as it was created ({@code /@record}, the first entry of
 * every trace), its host context ({@code /@context}), when the author finished writing
 * ({@code /@completedAt}), its status ({@code /@status}), a signature's superseded flag
 * ({@code /@signatures/ID/superseded}, by signature id) or a print ({@code /@prints}: the revision's
 * new value is the print log entry, and it has no old one). Parsed once, at the edge
 * ({@link #parse}).
 */
public sealed interface TracePath permits TracePath.OfValue, TracePath.OfRecord,
    TracePath.OfContext, TracePath.OfCompletedAt, TracePath.OfStatus, TracePath.OfSuperseded,
    TracePath.OfPrints {

  /** The record as created: id, template, context, completion time and first values. */
  TracePath RECORD = new OfRecord();
  /** The record's host context. */
  TracePath CONTEXT = new OfContext();
  /** When the author finished writing. */
  TracePath COMPLETED_AT = new OfCompletedAt();
  /** The record's status. */
  TracePath STATUS = new OfStatus();
  /** A print of the record: an entry of its print log. */
  TracePath PRINTS = new OfPrints();

  /** The wire form written in record JSON. */
  String wire();

  /**
   * Reads the wire form.
   *
   * @throws IllegalArgumentException for anything that is not a JSON pointer or a record path
   */
  static TracePath parse(String wire) {
    Objects.requireNonNull(wire, "path");
    switch (wire) {
      case "/@record":
        return RECORD;
      case "/@context":
        return CONTEXT;
      case "/@completedAt":
        return COMPLETED_AT;
      case "/@status":
        return STATUS;
      case "/@prints":
        return PRINTS;
      default:
        break;
    }
    if (wire.startsWith("/@signatures/") && wire.endsWith("/superseded")) {
      String id = wire.substring("/@signatures/".length(), wire.length() - "/superseded".length());
      if (!id.isEmpty() && !id.contains("/")) {
        return new OfSuperseded(id.replace("~1", "/").replace("~0", "~"));
      }
    }
    if (!wire.isEmpty() && !wire.startsWith("/")) {
      throw new IllegalArgumentException("revision path must be a JSON pointer, was " + wire);
    }
    if (wire.startsWith("/@")) {
      throw new IllegalArgumentException("unknown record path " + wire + " (record paths are"
          + " /@record, /@context, /@completedAt, /@status, /@prints and"
          + " /@signatures/ID/superseded)");
    }
    return new OfValue(wire);
  }

  /** A value: a JSON pointer into {@code values}. @param pointer the pointer */
  record OfValue(String pointer) implements TracePath {
    /** Checks the pointer. */
    public OfValue {
      Objects.requireNonNull(pointer, "pointer");
      if (!pointer.isEmpty() && !pointer.startsWith("/") || pointer.startsWith("/@")) {
        throw new IllegalArgumentException("not a value pointer: " + pointer);
      }
    }

    @Override
    public String wire() {
      return pointer;
    }

    @Override
    public String toString() {
      return pointer;
    }
  }

  /** The record as created. */
  record OfRecord() implements TracePath {
    @Override
    public String wire() {
      return "/@record";
    }

    @Override
    public String toString() {
      return wire();
    }
  }

  /** The record's host context. */
  record OfContext() implements TracePath {
    @Override
    public String wire() {
      return "/@context";
    }

    @Override
    public String toString() {
      return wire();
    }
  }

  /** When the author finished writing. */
  record OfCompletedAt() implements TracePath {
    @Override
    public String wire() {
      return "/@completedAt";
    }

    @Override
    public String toString() {
      return wire();
    }
  }

  /** The record's status. */
  record OfStatus() implements TracePath {
    @Override
    public String wire() {
      return "/@status";
    }

    @Override
    public String toString() {
      return wire();
    }
  }

  /** A print: the revision's new value is the print log entry. */
  record OfPrints() implements TracePath {
    @Override
    public String wire() {
      return "/@prints";
    }

    @Override
    public String toString() {
      return wire();
    }
  }

  /**
   * A signature's superseded flag.
   *
   * @param signature the signature's id
   */
  record OfSuperseded(String signature) implements TracePath {
    /** Checks the id. */
    public OfSuperseded {
      Checks.line(signature, "signature id", 100);
    }

    @Override
    public String wire() {
      return "/@signatures/" + org.emrkit.problem.Location.Pointer.token(signature)
          + "/superseded";
    }

    @Override
    public String toString() {
      return wire();
    }
  }
}

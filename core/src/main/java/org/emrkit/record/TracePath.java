package org.emrkit.record;

import java.util.Objects;

/**
 * What a revision of the trace changed: a value of the record (a JSON pointer into
 * {@code values}, {@code ""} for all of them), or something of the record itself that no field
 * can be: its status ({@code /@status}) or a signature's superseded flag
 * ({@code /@signatures/N/superseded}). Parsed once, at the edge ({@link #parse}).
 */
public sealed interface TracePath
    permits TracePath.OfValue, TracePath.OfStatus, TracePath.OfSuperseded {

  /** The record's status. */
  TracePath STATUS = new OfStatus();

  /** The wire form written in record JSON. */
  String wire();

  /**
   * Reads the wire form.
   *
   * @throws IllegalArgumentException for anything that is not a JSON pointer
   */
  static TracePath parse(String wire) {
    Objects.requireNonNull(wire, "path");
    if (wire.equals("/@status")) {
      return STATUS;
    }
    if (wire.startsWith("/@signatures/") && wire.endsWith("/superseded")) {
      String n = wire.substring("/@signatures/".length(), wire.length() - "/superseded".length());
      if (n.matches("0|[1-9]\\d{0,6}")) {
        return new OfSuperseded(Integer.parseInt(n));
      }
    }
    if (!wire.isEmpty() && !wire.startsWith("/")) {
      throw new IllegalArgumentException("revision path must be a JSON pointer, was " + wire);
    }
    if (wire.startsWith("/@")) {
      throw new IllegalArgumentException("unknown record path " + wire
          + " (record paths are /@status and /@signatures/N/superseded)");
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

  /** Signature N's superseded flag. @param signature index in the record's signatures */
  record OfSuperseded(int signature) implements TracePath {
    /** Checks the index. */
    public OfSuperseded {
      if (signature < 0) {
        throw new IllegalArgumentException("signature index must not be negative");
      }
    }

    @Override
    public String wire() {
      return "/@signatures/" + signature + "/superseded";
    }

    @Override
    public String toString() {
      return wire();
    }
  }
}

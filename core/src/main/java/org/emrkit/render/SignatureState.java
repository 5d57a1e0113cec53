package org.emrkit.render;

/** What a signature field's value stands for, checked against the record's signatures. */
public enum SignatureState {
  /** The field is empty. */
  UNSIGNED,
  /** A signature of the record, not superseded, was made by this signer at this time. */
  VALID,
  /** The signer's signature was superseded by a later change to what it covered. */
  SUPERSEDED,
  /** No signature of the record stands for the value (it was typed in, not signed). */
  UNVERIFIED
}

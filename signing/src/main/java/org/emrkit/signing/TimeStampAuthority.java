package org.emrkit.signing;

import java.io.IOException;

/**
 * A time-stamping authority (RFC 3161) as the host reaches it: an HTTP POST of
 * {@code application/timestamp-query} to the hospital's or a provider's TSA, answered with
 * {@code application/timestamp-reply}. EMRKit makes no network calls itself.
 */
@FunctionalInterface
public interface TimeStampAuthority {

  /** Sends a DER time-stamp request and returns the DER response. */
  byte[] respond(byte[] request) throws IOException;
}

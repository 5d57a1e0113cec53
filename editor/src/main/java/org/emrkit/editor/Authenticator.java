package org.emrkit.editor;

import java.util.Optional;
import org.emrkit.record.Actor;

/**
 * The host's authentication: its single sign-on in production, {@link
 * org.emrkit.editor.http.UserFile} for the demo. The editor asks it twice: to log a user in,
 * and to confirm a signer's password again before a signature is made.
 */
public interface Authenticator {

  /** The actor these credentials belong to, or empty (unknown user, wrong password, locked). */
  Optional<Actor> authenticate(String user, char[] password);

  /** Whether {@code password} is the logged-in actor's own (re-authentication to sign). */
  boolean confirm(Actor actor, char[] password);

  /**
   * Whether the actor's login is locked for a while (too many wrong passwords): a signer
   * refused then is told so, not that the password was wrong. None by default.
   */
  default boolean locked(Actor actor) {
    return false;
  }
}

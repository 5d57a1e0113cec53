/**
 * The editing service: what a host wires to its own web framework. {@link
 * org.emrkit.editor.EditingService} opens, saves, signs, archives and prints a record for an
 * actor the host's server-side session names (never one a request names); it reads request
 * bodies strictly ({@link org.emrkit.editor.StrictJson}), asks the host to re-authenticate a
 * signer ({@link org.emrkit.editor.Authenticator}) and stores through the host's {@link
 * org.emrkit.editor.RecordStore}.
 */
package org.emrkit.editor;

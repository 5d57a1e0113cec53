/**
 * A hardened adapter of the editing service to the JDK's HTTP server: {@link
 * org.emrkit.editor.http.EditorServer}, with log-in sessions ({@link
 * org.emrkit.editor.http.UserFile} or the host's {@link org.emrkit.editor.Authenticator}).
 */
package org.emrkit.editor.http;

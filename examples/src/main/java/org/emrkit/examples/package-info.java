/** The EMRKit command-line tool ({@code java -jar examples/target/emrkit.jar}) and the bundled demo. */
package org.emrkit.examples;

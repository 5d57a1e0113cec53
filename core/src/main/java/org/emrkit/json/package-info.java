/**
 * JSON I/O with Jackson: canonical template JSON ({@code emrkit-template/1}) and record JSON
 * ({@code emrkit-record/1}), each checked against its JSON Schema (draft 2020-12) and then
 * against the model, with bounded input and problems reported as JSON pointers with messages in
 * Chinese and English. Output is byte-stable.
 */
package org.emrkit.json;

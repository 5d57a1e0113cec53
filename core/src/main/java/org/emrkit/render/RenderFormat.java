package org.emrkit.render;

/**
 * An output format a renderer module offers ({@code html}, {@code pdf}, {@code docx}, and the
 * exports), found through {@link RenderFormats}: its name, file extension, media type, the modes
 * it supports, and a renderer for given options. Implementations are registered as services
 * ({@code META-INF/services/org.emrkit.render.RenderFormat}, and {@code provides} in the
 * module descriptor).
 */
public interface RenderFormat {

  /** The name users give ({@code pdf}). */
  String name();

  /** The file extension, without the dot ({@code pdf}). */
  String extension();

  /** The media type ({@code application/pdf}). */
  String mediaType();

  /** A line describing the format, in Chinese and English, for help texts. */
  String description();

  /** Whether the format can render in this mode. */
  boolean supports(RenderMode mode);

  /**
   * A renderer with these options.
   *
   * @throws IllegalArgumentException when the options ask for what the format cannot do (a
   *     mode it does not support)
   */
  RecordRenderer renderer(RenderOptions options);

  /**
   * Starts getting ready, on a background daemon thread, for the first rendering (loading fonts
   * and classes), so that a process that renders once (the command line) does that while it
   * reads its input; returns at once. Does nothing by default.
   */
  default void warmUp() {}
}

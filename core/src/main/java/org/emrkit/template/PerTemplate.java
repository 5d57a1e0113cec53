package org.emrkit.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What is worked out once per template and kept for the 64 templates used last, by identity (a
 * template's own equality is a deep comparison, and templates are few and long-lived in a host).
 * Thread-safe.
 *
 * @param <T> what is worked out
 */
public final class PerTemplate<T> {

  /**
   * A value as a map key by identity: template parts are records whose own equality compares
   * their content deeply, and a template's parts live as long as it does.
   *
   * @param of the value
   * @param <V> its type
   */
  public record Same<V>(V of) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Same<?> s && s.of == of;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(of);
    }
  }

  private final Function<Template, T> compute;
  private final Map<Same<Template>, T> kept = Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Same<Template>, T> e) {
          return size() > 64;
        }
      });

  /** Keeps what {@code compute} works out of a template. */
  public PerTemplate(Function<Template, T> compute) {
    this.compute = compute;
  }

  /** What {@code compute} works out of {@code t}, worked out the first time. */
  public T get(Template t) {
    return kept.computeIfAbsent(new Same<>(t), k -> compute.apply(k.of()));
  }
}

package org.emrkit.template;

/**
 * A template that breaks a rule spanning several blocks (a duplicate name, an unknown value set,
 * blocks nested too deep), with the location of the problem as a JSON pointer into the
 * template JSON, e.g. {@code /blocks/2/children/0/inlines/1}.
 */
public final class TemplateException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Where the problem is: a JSON pointer into the template JSON ({@code ""} for the root). */
  private final String location;

  /** A problem at {@code location}. */
  public TemplateException(String location, String message) {
    super(location.isEmpty() ? message : location + ": " + message);
    this.location = location;
  }

  /** Where the problem is, as a JSON pointer into the template JSON. */
  public String location() {
    return location;
  }
}

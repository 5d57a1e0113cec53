package org.emrkit.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand (China Standard Time, +08:00). Not thread-safe. */
public final class TestClock extends Clock {
  private static final ZoneId ZONE = ZoneOffset.ofHours(8);
  private Instant now;

  /** A clock standing at this time. */
  public TestClock(String isoOffsetDateTime) {
    this.now = OffsetDateTime.parse(isoOffsetDateTime).toInstant();
  }

  /** Moves the clock on (or back, with a negative duration). */
  public TestClock advance(Duration d) {
    now = now.plus(d);
    return this;
  }

  @Override
  public ZoneId getZone() {
    return ZONE;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a test clock has one zone");
  }

  @Override
  public Instant instant() {
    return now;
  }
}

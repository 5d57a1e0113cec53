package org.emrkit.editor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.emrkit.record.Actor;
import org.emrkit.record.Role;
import org.junit.jupiter.api.Test;

/** The demo's users: five wrong passwords lock a login, however many arrive at once. */
class UserFileTest {

  private static final Actor LI = new Actor("u-1001", "李明", Role.RESIDENT);

  /** A clock the test moves. */
  private static final class Moving extends Clock {
    Instant now = Instant.parse("2026-11-28T04:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static UserFile users(Clock clock, int iterations) {
    return UserFile.parse(UserFile.line("liming", LI, "li-secret".toCharArray(), iterations),
        "test-users", clock);
  }

  /**
   * Twenty wrong passwords at once, the right one half a second later: each attempt was counted
   * only after its hash (three seconds each with twenty on two processors), so all twenty were
   * tried and the right one then logged in. Each is counted as it starts now.
   */
  @Test
  void attemptsAtOnceAreCountedAsTheyStart() throws Exception {
    UserFile users = users(Clock.systemUTC(), UserFile.ITERATIONS);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<Optional<Actor>>> wrong = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String guess = "guess" + i;
        wrong.add(pool.submit(() -> users.authenticate("liming", guess.toCharArray())));
      }
      Thread.sleep(500);
      assertThat(users.authenticate("liming", "li-secret".toCharArray()))
          .as("the right password while twenty wrong ones are checked").isEmpty();
      for (Future<Optional<Actor>> f : wrong) {
        assertThat(f.get()).isEmpty();
      }
      assertThat(users.locked(LI)).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aLockedSignerIsToldSoAndTheLockEndsAfterFiveMinutes() {
    Moving clock = new Moving();
    UserFile users = users(clock, 1_000);
    assertThat(users.authenticate("liming", "li-secret".toCharArray())).contains(LI);
    for (int i = 0; i < 4; i++) {
      assertThat(users.confirm(LI, ("wrong" + i).toCharArray())).isFalse();
    }
    assertThat(users.locked(LI)).as("four wrong").isFalse();
    assertThat(users.confirm(LI, "wrong4".toCharArray())).isFalse();
    assertThat(users.locked(LI)).as("five wrong").isTrue();
    assertThat(users.confirm(LI, "li-secret".toCharArray())).as("locked").isFalse();
    clock.now = clock.now.plus(Duration.ofMinutes(4));
    assertThat(users.confirm(LI, "li-secret".toCharArray())).as("still locked").isFalse();
    clock.now = clock.now.plus(Duration.ofMinutes(1)).plusSeconds(1);
    assertThat(users.locked(LI)).isFalse();
    assertThat(users.confirm(LI, "li-secret".toCharArray())).isTrue();
    // the right password forgives what went before
    assertThat(users.confirm(LI, "wrong".toCharArray())).isFalse();
    assertThat(users.locked(LI)).isFalse();
  }
}

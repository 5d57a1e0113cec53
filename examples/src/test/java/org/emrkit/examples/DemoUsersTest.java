package org.emrkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emrkit.editor.http.UserFile;
import org.emrkit.record.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The demo's user file: every demo user logs in with the demo password and nothing else. Made
 * again with {@code -Demrkit.demousers=true} (fresh salts).
 */
class DemoUsersTest {

  static final Path FILE = Path.of("src/main/resources/demo-users.txt");

  @Test
  void everyDemoUserLogsInWithTheDemoPasswordOnly() {
    UserFile users = Editor.demoUsers();
    for (var e : Editor.STAFF_LOGINS.entrySet()) {
      assertThat(users.authenticate(e.getKey(), Editor.PASSWORD.toCharArray()))
          .as(e.getKey()).contains(e.getValue());
      assertThat(users.confirm(e.getValue(), Editor.PASSWORD.toCharArray())).isTrue();
    }
    Actor resident = Editor.STAFF_LOGINS.get("liming");
    assertThat(users.authenticate("liming", "emrkit-dem0".toCharArray())).isEmpty();
    assertThat(users.confirm(new Actor(resident.id(), "冒名", resident.role()),
        Editor.PASSWORD.toCharArray())).as("the actor must be the user's own").isFalse();
  }

  @Test
  @EnabledIfSystemProperty(named = "emrkit.demousers", matches = "true")
  void makeTheUserFile() throws Exception {
    List<String> lines = new ArrayList<>(List.of(
        "# EMRKit demo users: login:id:name:role:iterations:salt:hash (PBKDF2-HMAC-SHA256).",
        "# Every password is \"" + Editor.PASSWORD + "\". Made by DemoUsersTest"
            + " -Demrkit.demousers=true."));
    Editor.STAFF_LOGINS.forEach((login, actor) -> lines.add(UserFile.line(login, actor,
        Editor.PASSWORD.toCharArray(), UserFile.ITERATIONS)));
    Files.writeString(FILE, String.join("\n", lines) + "\n");
  }
}

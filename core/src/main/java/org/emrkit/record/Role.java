package org.emrkit.record;

import java.util.Locale;

/**
 * The role of a person acting on a record, with its rank for review and amendment rules
 * (三级审签: resident → attending → chief). Higher rank reviews lower.
 */
public enum Role {
  /** 实习医师. */
  INTERN(1, "实习医师"),
  /** 进修/规培医师. */
  TRAINEE(1, "进修/规培医师"),
  /** 住院医师. */
  RESIDENT(2, "住院医师"),
  /** 主治医师. */
  ATTENDING(3, "主治医师"),
  /** 主任/副主任医师. */
  CHIEF(4, "主任医师"),
  /** 护士. */
  NURSE(2, "护士"),
  /** 护士长. */
  HEAD_NURSE(3, "护士长"),
  /** 质控员. */
  QC(3, "质控员"),
  /** 系统管理员. */
  ADMIN(0, "系统管理员");

  private final int rank;
  private final String title;
  /** Worked out once: every signature written, read or audited asks for it. */
  private final String label = name().toLowerCase(Locale.ROOT).replace('_', '-');

  Role(int rank, String title) {
    this.rank = rank;
    this.title = title;
  }

  /** What the role is called on paper: 住院医师, 主治医师, 护士长... */
  public String title() {
    return title;
  }

  /** The rank: 1 intern/trainee, 2 resident/nurse, 3 attending/head nurse/QC, 4 chief, 0 admin. */
  public int rank() {
    return rank;
  }

  /** The JSON name: {@code resident}, {@code head-nurse}... */
  public String label() {
    return label;
  }

  /** The role with this JSON name, or {@code null}. */
  public static Role fromLabel(String label) {
    return label == null ? null : BY_LABEL.get(label);
  }

  private static final java.util.Map<String, Role> BY_LABEL = java.util.Arrays.stream(values())
      .collect(java.util.stream.Collectors.toUnmodifiableMap(Role::label, r -> r));
}

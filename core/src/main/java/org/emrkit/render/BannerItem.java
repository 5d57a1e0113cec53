package org.emrkit.render;

/**
 * One item of the patient banner under a record's title ({@code 姓名}, {@code 张三}).
 *
 * @param label the label, without a colon
 * @param value the value
 */
public record BannerItem(String label, String value) {}

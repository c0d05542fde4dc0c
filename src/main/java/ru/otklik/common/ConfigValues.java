package ru.otklik.common;

import io.smallrye.config.ConfigValue;

/** Reading raw values in a {@code ConfigSourceFactory}, before typed configuration exists. */
public final class ConfigValues {

    private ConfigValues() {
    }

    public static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    public static String valueOr(ConfigValue value, String fallback) {
        return isSet(value) ? value.getValue() : fallback;
    }
}

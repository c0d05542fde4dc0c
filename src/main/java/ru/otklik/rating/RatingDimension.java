package ru.otklik.rating;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who is rated: the responsible agency or the municipality the problem is in. */
public enum RatingDimension {
    AGENCY, MUNICIPALITY;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RatingDimension fromCode(String code) {
        for (RatingDimension dimension : values()) {
            if (dimension.code().equals(code)) {
                return dimension;
            }
        }
        throw new IllegalArgumentException("unknown rating dimension '" + code + "' (expected agency or municipality)");
    }
}

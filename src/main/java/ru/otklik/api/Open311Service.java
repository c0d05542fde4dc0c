package ru.otklik.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A GeoReport v2 service: one topic of the rubric. */
public record Open311Service(
        @JsonProperty("service_code") String serviceCode,
        @JsonProperty("service_name") String serviceName,
        String description,
        boolean metadata,
        String type,
        String keywords,
        String group) {
}

package ru.otklik.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Set;
import ru.otklik.incident.IncidentView;

/** A GeoReport v2 service request: one incident, without any author identity. */
public record Open311Request(
        @JsonProperty("service_request_id") String serviceRequestId,
        String status,
        @JsonProperty("status_notes") String statusNotes,
        @JsonProperty("service_name") String serviceName,
        @JsonProperty("service_code") String serviceCode,
        String description,
        @JsonProperty("agency_responsible") String agencyResponsible,
        @JsonProperty("service_notice") String serviceNotice,
        @JsonProperty("requested_datetime") Instant requestedDatetime,
        @JsonProperty("updated_datetime") Instant updatedDatetime,
        @JsonProperty("expected_datetime") Instant expectedDatetime,
        String address) {

    /** Incident statuses that GeoReport calls closed; everything else is still open for the resident. */
    static final Set<String> CLOSED = Set.of("resolved", "closed", "duplicate");

    static Open311Request of(IncidentView i, String serviceName) {
        return new Open311Request(Long.toString(i.id()), CLOSED.contains(i.status()) ? "closed" : "open",
                i.status(), serviceName, i.topic(), i.title(), i.agencyName(), null, i.firstSeenAt(),
                i.updatedAt(), i.deadline(), i.municipalityName());
    }
}

package ru.otklik.im.history;

import java.time.Duration;
import java.time.Instant;

/**
 * One export incident as it is stored: a closed incident with its single historical post and SLA clocks.
 *
 * @param key                 the unique external key ({@code incident.im_id}): «ID», else «Номер инцидента»
 * @param firstResponseAt     creation plus the export's working time to the first response, on Otklik's
 *                            calendar (so the ratings read back the same working time); null when unknown
 * @param firstResponseTarget the first-response target of the topic at normal priority, and its working length
 */
public record HistoryIncident(String key, String number, String topic, String agencyCode, String agencyName,
                              String municipalityCode, String title, Instant created, Instant firstResponseDue,
                              Instant deadline, Instant firstResponseAt, Instant resolvedAt, Instant closedAt,
                              String answerText, String type, String outcome, String executor,
                              Duration firstResponseWorking, Boolean firstResponseMet, String postUrl, String text,
                              String contentHash, String authorPseudonym, String firstResponseTarget,
                              Duration firstResponseTargetWorking, String resolutionTarget,
                              Duration resolutionTargetWorking) {
}

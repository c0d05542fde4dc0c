package ru.otklik.web.board;

import java.time.Instant;
import ru.otklik.web.console.Deadline;

/**
 * An incident as the board lists it, with the names of its codes and its deadline colour.
 *
 * @param incidentType     {@code problem} («Решаемый») or {@code question} («Информационный»)
 * @param deadlineCalendar the same resolution target read on calendar time ({@code deadline} is working time)
 * @param answerText       the agency's reply, once given
 */
public record BoardRow(long id, String title, String status, String priority, String incidentType,
                       String topic, String topicName,
                       String agency, String agencyName, String municipality, String municipalityName,
                       Instant createdAt, Instant updatedAt, Instant firstResponseDue, Instant firstResponseAt,
                       int postCount, long reach, double conflictScore, Deadline deadline, Deadline firstResponse,
                       Instant deadlineCalendar, String answerText, String answerUrl) {
}

package ru.otklik.incident.deadline;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import ru.otklik.incident.calendar.Interval;
import ru.otklik.incident.sla.SlaClock;
import ru.otklik.incident.sla.SlaClockKind;
import ru.otklik.incident.sla.WorkTarget;

/** The stored state of one SLA clock of an incident ({@code incident_sla_clock}). */
@Entity
@Table(name = "incident_sla_clock")
public class SlaClockRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id")
    public Long incidentId;

    public String kind;
    public int cycle;

    @Column(name = "started_at")
    public Instant startedAt;

    public String target;

    @Column(name = "working_target_seconds")
    public long workingTargetSeconds;

    /** Closed pauses as ISO-8601 {@code start/end} intervals separated by ';'. */
    public String pauses;

    @Column(name = "paused_since")
    public Instant pausedSince;

    @Column(name = "stopped_at")
    public Instant stoppedAt;

    @Column(name = "next_check_at")
    public Instant nextCheckAt;

    public SlaClock toClock() {
        return clockOf(kind, cycle, startedAt, target, workingTargetSeconds, pauses, pausedSince, stoppedAt);
    }

    /** A clock from its stored columns, however they were read. */
    static SlaClock clockOf(String kind, int cycle, Instant startedAt, String target, long workingTargetSeconds,
                            String pauses, Instant pausedSince, Instant stoppedAt) {
        return new SlaClock(SlaClockKind.fromCode(kind), cycle, startedAt, WorkTarget.parse(target),
                Duration.ofSeconds(workingTargetSeconds), pausesOf(pauses), pausedSince, stoppedAt);
    }

    /** The stored form of closed pauses (ISO-8601 {@code start/end} intervals separated by ';') read back. */
    static List<Interval> pausesOf(String stored) {
        List<Interval> intervals = new ArrayList<>();
        for (String pause : stored == null || stored.isEmpty() ? new String[0] : stored.split(";")) {
            String[] ends = pause.split("/");
            intervals.add(new Interval(Instant.parse(ends[0]), Instant.parse(ends[1])));
        }
        return intervals;
    }

    /** Closed pauses in their stored form. */
    static String pausesOf(SlaClock clock) {
        return String.join(";", clock.pauses().stream().map(p -> p.start() + "/" + p.end()).toList());
    }

    /** Copies a clock's state into this record (kind and incident stay). */
    public SlaClockRecord set(SlaClock clock) {
        kind = clock.kind().code();
        cycle = clock.cycle();
        startedAt = clock.startedAt();
        target = clock.target().toString();
        workingTargetSeconds = clock.workingTarget().toSeconds();
        pauses = pausesOf(clock);
        pausedSince = clock.pausedSince();
        stoppedAt = clock.stoppedAt();
        return this;
    }
}

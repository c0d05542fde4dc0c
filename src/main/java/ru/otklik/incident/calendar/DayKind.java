package ru.otklik.incident.calendar;

/** What a calendar day is for working-time arithmetic. */
public enum DayKind {
    /** An ordinary working day, full length. */
    WORKING,
    /** A pre-holiday working day, one hour shorter (Art. 95 of the Labour Code). */
    SHORT,
    /** A regular weekly day off. */
    WEEKEND,
    /** A non-working public holiday (Art. 112 of the Labour Code). */
    HOLIDAY,
    /** A weekday made a day off by a transfer (government decree or Art. 112 part 2). */
    DAY_OFF;

    public boolean isWorking() {
        return this == WORKING || this == SHORT;
    }

    /** The code used in the calendar data file. */
    public String code() {
        return switch (this) {
            case WORKING -> "working";
            case SHORT -> "short";
            case WEEKEND -> "weekend";
            case HOLIDAY -> "holiday";
            case DAY_OFF -> "day_off";
        };
    }

    public static DayKind fromCode(String code) {
        for (DayKind kind : values()) {
            if (kind.code().equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown day kind '" + code + "' (expected working, short, holiday or day_off)");
    }
}

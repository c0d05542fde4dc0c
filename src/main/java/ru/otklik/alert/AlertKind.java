package ru.otklik.alert;

/** Why an alert was raised. */
public enum AlertKind {
    /** Aggressive or escalating text. */
    CONFLICT,
    /** A large audience. */
    REACH,
    /** Many posts in a short time in one thread or incident. */
    GROWTH,
    /** 70 % or 90 % of a response or resolution deadline used. */
    SLA_WARNING,
    /** A deadline passed: escalated to the supervisor. */
    SLA_OVERDUE;

    public String code() {
        return name().toLowerCase();
    }
}

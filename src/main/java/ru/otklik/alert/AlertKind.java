package ru.otklik.alert;

/** Why an alert was raised. */
public enum AlertKind {
    /** Aggressive or escalating text. */
    CONFLICT,
    /** A large audience. */
    REACH,
    /** Many posts in a short time in one thread or incident. */
    GROWTH;

    public String code() {
        return name().toLowerCase();
    }
}

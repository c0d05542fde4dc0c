package ru.otklik.im;

/** The file is not a readable export; the message is one line for the operator. */
public final class ImExportException extends RuntimeException {

    public ImExportException(String message) {
        super(message);
    }

    public ImExportException(String message, Throwable cause) {
        super(message, cause);
    }
}

package ru.otklik.webhook;

/**
 * What one HTTP attempt came to.
 *
 * @param status the receiver's status, null when it did not answer
 * @param error  why the attempt failed, null on success
 */
record DeliveryResult(Integer status, String error, int durationMs) {

    boolean delivered() {
        return status != null && status >= 200 && status < 300;
    }
}

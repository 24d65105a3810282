package io.capexwatch.verdict.alerts;

/** PENDING until the receiver answers 2xx (DELIVERED) or the attempts run out (DEAD, until redelivered). */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    DEAD
}

package io.capexwatch.contracts.messages;

/** A Kafka message about one company: keyed by its CIK, so one company's messages stay in order. */
public interface CompanyMessage {
    int schemaVersion();

    long cik();

    String ticker();
}

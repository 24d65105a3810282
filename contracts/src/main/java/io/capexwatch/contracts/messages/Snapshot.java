package io.capexwatch.contracts.messages;

/** A message carrying one company's complete current state; {@code revision} orders its versions. */
public interface Snapshot extends CompanyMessage {
    long revision();
}

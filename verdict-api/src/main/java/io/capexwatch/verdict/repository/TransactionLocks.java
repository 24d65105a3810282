package io.capexwatch.verdict.repository;

/**
 * The first key of PostgreSQL's two-key transaction-level advisory locks (pg_advisory_xact_lock(int, int)),
 * one per kind of thing changed, so the kinds never wait on each other.
 */
final class TransactionLocks {
    /** Changes of the rule thresholds (second key 0). */
    static final int RULES = 0x52554c45;
    /** Changes of one company's schedule (second key: hashtext of its ticker). */
    static final int SCHEDULES = 0x53434844;

    private TransactionLocks() {
    }
}

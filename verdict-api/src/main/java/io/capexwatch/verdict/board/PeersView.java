package io.capexwatch.verdict.board;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * @param calendarQuarter the quarter shown
 * @param available       every calendar quarter any company has figures for, newest first
 */
@RegisterForReflection
public record PeersView(String calendarQuarter, List<String> available, List<PeerRow> rows) {
}

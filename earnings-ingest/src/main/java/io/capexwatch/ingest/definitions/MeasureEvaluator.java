package io.capexwatch.ingest.definitions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Works a company-defined measure out of as-filed facts, term by term, keeping every fact it used. */
public final class MeasureEvaluator {
    private MeasureEvaluator() {
    }

    /**
     * @param start null for a commitment at the instant {@code end}
     */
    public static MeasureValue evaluate(MeasureDefinition definition, FactSource facts, LocalDate start, LocalDate end) {
        List<MeasureValue.Input> inputs = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Term term : definition.terms()) {
            Optional<MeasureValue.Input> input = find(term, facts, start, end);
            if (input.isEmpty()) {
                missing.add(term.label() + " (" + String.join(" or ", term.concepts()) + members(term.members()) + ")");
                continue;
            }
            inputs.add(input.get());
            total = total.add(term.sign() < 0 ? input.get().value().negate() : input.get().value());
        }
        String period = start == null ? "at " + end : start + " to " + end;
        if (!missing.isEmpty()) {
            String reason = "no fact for " + String.join("; ", missing) + " " + period;
            return new MeasureValue(definition, start, end, MeasureValue.Status.UNAVAILABLE, null, reason, inputs,
                    definition.name() + " " + period + ": unavailable, " + reason);
        }
        MeasureValue.Status status = definition.exact() ? MeasureValue.Status.EXACT : MeasureValue.Status.APPROXIMATE;
        return new MeasureValue(definition, start, end, status, total, definition.approximate(), inputs,
                derivation(definition, inputs, total, period));
    }

    /**
     * A discrete quarter of a flow measure from two year-to-date periods, as filings report cash flows:
     * (fiscal year start to {@code end}) minus (fiscal year start to {@code previousEnd}).
     *
     * @param previousEnd the end of the preceding quarter of the same fiscal year; null for the first quarter
     */
    public static MeasureValue quarter(MeasureDefinition definition, FactSource facts, LocalDate yearStart,
                                       LocalDate previousEnd, LocalDate end) {
        MeasureValue toDate = evaluate(definition, facts, yearStart, end);
        if (previousEnd == null || toDate.status() == MeasureValue.Status.UNAVAILABLE) {
            return toDate;
        }
        MeasureValue before = evaluate(definition, facts, yearStart, previousEnd);
        LocalDate start = previousEnd.plusDays(1);
        List<MeasureValue.Input> inputs = new ArrayList<>(toDate.inputs());
        inputs.addAll(before.inputs());
        if (before.status() == MeasureValue.Status.UNAVAILABLE) {
            return new MeasureValue(definition, start, end, MeasureValue.Status.UNAVAILABLE, null, before.reason(), inputs,
                    definition.name() + " " + start + " to " + end + ": unavailable, " + before.reason());
        }
        BigDecimal value = toDate.value().subtract(before.value());
        String derivation = definition.name() + " " + start + " to " + end + ": " + amount(toDate.value()) + " ("
                + yearStart + " to " + end + ") − " + amount(before.value()) + " (" + yearStart + " to " + previousEnd
                + ") = " + amount(value) + "; [" + toDate.derivation() + "]; [" + before.derivation() + "]";
        return new MeasureValue(definition, start, end, toDate.status(), value, toDate.reason(), inputs, derivation);
    }

    private static Optional<MeasureValue.Input> find(Term term, FactSource facts, LocalDate start, LocalDate end) {
        for (String concept : term.concepts()) {
            Optional<FactSource.Found> fact = facts.find(concept, term.members(), start, end);
            if (fact.isPresent()) {
                FactSource.Found f = fact.get();
                return Optional.of(new MeasureValue.Input(term.label(), term.sign(), concept, term.members(), f.value(),
                        f.accession(), f.form(), f.filed(), start, end));
            }
        }
        return Optional.empty();
    }

    /** "46,752,000,000 (us-gaap:NetCash...) − 63,645,000,000 (us-gaap:Payments...) + ... = −11,569,000,000; ..." */
    private static String derivation(MeasureDefinition definition, List<MeasureValue.Input> inputs, BigDecimal total,
                                     String period) {
        StringBuilder text = new StringBuilder(definition.name()).append(' ').append(period).append(": ");
        for (int i = 0; i < inputs.size(); i++) {
            MeasureValue.Input input = inputs.get(i);
            if (i > 0 || input.sign() < 0) {
                text.append(input.sign() < 0 ? (i == 0 ? "−" : " − ") : " + ");
            }
            text.append(amount(input.value())).append(" (").append(input.label()).append(", ").append(input.concept())
                    .append(members(input.members())).append(')');
        }
        text.append(" = ").append(amount(total));
        String accessions = inputs.stream().map(MeasureValue.Input::accession).distinct().collect(Collectors.joining(", "));
        text.append("; accession ").append(accessions);
        if (!definition.exact()) {
            text.append("; approximate: ").append(definition.approximate());
        }
        return text.toString();
    }

    /** " [axis=member, ...]", or nothing for a fact without dimensions */
    private static String members(Map<String, String> members) {
        return members.isEmpty() ? "" : members.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", " [", "]"));
    }

    static String amount(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        String magnitude = v.scale() <= 0 ? String.format(Locale.ROOT, "%,d", v.abs().toBigIntegerExact())
                : v.abs().toPlainString();
        return (v.signum() < 0 ? "−" : "") + magnitude;
    }
}

package nl.koers.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import nl.koers.api.kpi.KpiRetargeted;

/** A new target that takes effect at {@code effectiveAt} (the retarget event's time). */
public record Retarget(Instant effectiveAt, Target target) {

    public Retarget {
        Objects.requireNonNull(effectiveAt, "effectiveAt");
        Objects.requireNonNull(target, "target");
    }

    public static Retarget of(Instant effectiveAt, BigDecimal target, LocalDate targetDate, BigDecimal tolerance) {
        return new Retarget(effectiveAt, new Target(target, targetDate, tolerance));
    }

    public static Retarget of(KpiRetargeted event, Instant effectiveAt) {
        return of(effectiveAt, event.target(), event.targetDate(), event.tolerance());
    }
}

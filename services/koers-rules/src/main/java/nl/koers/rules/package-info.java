/**
 * The read side's business rules in plain Java: plan line, KPI status, forecast, XmR and CUSUM shift detection,
 * staleness, milestone and evaluation timing, programme health. No framework types; every value is a
 * {@link java.math.BigDecimal} computed with {@link nl.koers.rules.Decimals#MATH}, every moment an
 * {@link java.time.Instant} and every length of time fractional days of UTC time.
 */
package nl.koers.rules;

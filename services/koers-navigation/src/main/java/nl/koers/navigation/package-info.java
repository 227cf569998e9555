/**
 * The read side: one package per read model ({@code programme}, {@code signal}, {@code history}) and the steering
 * report; here what they share: the projections' batched statements, column conversions, JSON text, and {@link
 * nl.koers.navigation.ViewPositions}, which the HTTP API asks to let a read show a write.
 */
package nl.koers.navigation;

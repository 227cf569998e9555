/**
 * The programme aggregate ({@link nl.koers.tracking.programme.Programme}): its lifecycle and objectives, its
 * milestones and evaluation moments as entities that handle their own commands ({@code Milestone},
 * {@code Evaluation}), the rhythm of its evaluations ({@code EvaluationRhythm}), and the signals on all of them,
 * which it keeps on one signal board.
 */
package nl.koers.tracking.programme;

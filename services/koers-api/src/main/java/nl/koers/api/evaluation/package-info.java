/**
 * Evaluations: scheduled, then their outcome recorded with the steering committee's decision, actions and delivery
 * confidence.
 */
package nl.koers.api.evaluation;

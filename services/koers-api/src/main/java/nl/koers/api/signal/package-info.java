/**
 * Course-correction signals: their types, subjects, severities and ids, the events of their life (raised, evidence
 * updated, severity changed, acknowledged, cleared) and the commands that acknowledge them at the aggregate that owns
 * them.
 */
package nl.koers.api.signal;

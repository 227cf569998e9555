/**
 * The programme itself: its definition, objectives and status (pause, resume, close), and the commands the signal sweep
 * sends a programme (deadlines, lever coverage).
 */
package nl.koers.api.programme;

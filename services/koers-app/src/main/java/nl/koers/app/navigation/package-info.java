/**
 * The read side's mode: the views written inline in each command's transaction, or replayed by the catch-up after a
 * rebuild and handed over to inline writing, and the store positions a write answers and a read may wait for ({@link
 * nl.koers.navigation.ViewPositions}).
 */
package nl.koers.app.navigation;

/**
 * The history: every event of a programme with who caused it and when it was recorded, its subject and its group of
 * changes decided by its type, read back for the history endpoints, the changes between two moments and the folds
 * of the views as of a past moment.
 */
package nl.koers.navigation.history;

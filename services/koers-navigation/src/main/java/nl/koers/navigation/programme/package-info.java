/**
 * The programme view: programmes with their objectives, KPIs and readings, milestones and evaluations. Its rows, its
 * tables (package-private SQL into rows), its projection, its fold (the history folded into the same rows for a past
 * moment), its views (rows in, views out, with koers-rules), and {@link nl.koers.navigation.programme.ProgrammeReader},
 * which chooses between today's tables and the fold.
 */
package nl.koers.navigation.programme;

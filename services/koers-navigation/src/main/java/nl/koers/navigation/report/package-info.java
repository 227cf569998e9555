/**
 * The steering report: a small document written section by section in the reader's language, with SVG charts, rendered
 * as Markdown, HTML or PDF. It reads only navigation's views, as of a moment.
 */
package nl.koers.navigation.report;

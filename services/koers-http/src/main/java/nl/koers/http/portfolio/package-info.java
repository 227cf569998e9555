/**
 * A whole portfolio as one document (JSON, YAML, or an XLSX workbook): read and checked, planned as the commands that
 * would bring the store to it, applied, and exported.
 */
package nl.koers.http.portfolio;

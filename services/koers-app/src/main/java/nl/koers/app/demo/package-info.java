/**
 * The demo portfolio ({@code --koers.demo=true}): programmes built from the US Federal IT Dashboard's 2012 project
 * records, loaded through the same commands as any client.
 */
package nl.koers.app.demo;

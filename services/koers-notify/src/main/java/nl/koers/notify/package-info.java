/**
 * Signal subscriptions (webhooks) and their delivery: the subscriptions and their HTTP endpoints, an outbox filled in
 * the transaction of the signal's event, a worker that delivers and retries, the message formats (Standard Webhooks,
 * Slack, Teams), signing and its secrets, and which targets are allowed.
 */
package nl.koers.notify;

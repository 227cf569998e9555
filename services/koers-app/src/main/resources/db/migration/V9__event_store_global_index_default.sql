-- The events are appended with plain JDBC batches (EventStoreConfiguration): the database numbers them from the
-- sequence the JPA mapping used to call for each event before its insert.
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
alter sequence domain_event_entry_seq owned by domain_event_entry.global_index;

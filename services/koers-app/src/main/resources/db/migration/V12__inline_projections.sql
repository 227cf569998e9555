-- The programme view (its tables, the signal view and the history) is written in the transaction of the command that
-- appends the events (inline). While it is behind the store (after a rebuild, or on a store written before this
-- version, whose processor may not have reached the head) a processor replays the events into it instead and hands
-- over to inline writing once it has caught up (nl.koers.app.navigation.ProjectionCatchUp).
create table projection_mode (
    projection varchar(64) not null primary key,
    mode       varchar(16) not null check (mode in ('INLINE', 'CATCHING_UP'))
);
insert into projection_mode (projection, mode)
select 'programme-view', case when exists (select 1 from domain_event_entry) then 'CATCHING_UP' else 'INLINE' end;

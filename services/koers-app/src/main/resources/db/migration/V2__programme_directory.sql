-- Kept in the same transaction as the programme's events (a subscribing processor), so that commands on a
-- programme's KPIs can check the programme without loading, and so locking, the programme aggregate.
create table programme_directory (
    programme_id  varchar(63)  not null primary key,
    status        varchar(16)  not null,
    objective_ids varchar(4000) not null default ''
);

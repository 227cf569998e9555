-- Every event of a programme as the history shows it, in recorded order: the read model behind
-- GET /programmes/{pid}/history, /changes, the as-of views and the report, so none of them reads the event store.
create table nav_history (
    global_index   bigint       not null primary key,
    programme_id   varchar(63)  not null,
    recorded_at    timestamp(6) with time zone not null,
    type           varchar(60)  not null,
    payload_type   varchar(200) not null,
    subject_kind   varchar(16)  not null,
    subject_id     varchar(300) not null,
    actor          varchar(200),
    correlation_id varchar(128),
    data           json         not null
);
create index nav_history_by_programme on nav_history (programme_id, recorded_at, global_index);
create index nav_history_signals on nav_history (recorded_at, global_index) where subject_kind = 'SIGNAL';

-- The history needs every event since the first: empty the programme view and forget its position, so the
-- processor replays the event store into the view and the history at the next start.
truncate table nav_programme cascade;
truncate table nav_signal;
delete from token_entry where processor_name = 'programme-view';

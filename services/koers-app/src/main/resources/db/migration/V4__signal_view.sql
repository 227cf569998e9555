-- Course-correction signals as the dashboards show them; every change of a signal is an event.
create table nav_signal (
    signal_id         varchar(300) not null primary key,
    programme_id      varchar(63)  not null,
    type              varchar(40)  not null,
    subject_kind      varchar(16)  not null,
    subject_id        varchar(63)  not null,
    severity          varchar(16)  not null,
    state             varchar(16)  not null,
    raised_at         timestamp(6) with time zone not null,
    explanation       text         not null,
    evidence          text         not null,
    acknowledged_at   timestamp(6) with time zone,
    acknowledged_by   varchar(200),
    acknowledged_note text,
    cleared_at        timestamp(6) with time zone,
    cleared_because   text,
    updated_at        timestamp(6) with time zone not null
);
create index nav_signal_by_programme on nav_signal (programme_id, raised_at desc);
create index nav_signal_by_raised_at on nav_signal (raised_at desc);

-- The programme view projection: definitions and their latest state, rebuilt from the event store on reset.
create table nav_programme (
    programme_id     varchar(63)  not null primary key,
    name             varchar(200) not null,
    description      text,
    owner            varchar(200),
    start_date       date         not null,
    planned_end_date date         not null,
    status           varchar(16)  not null,
    defined_at       timestamp(6) with time zone not null
);

create table nav_objective (
    programme_id varchar(63)  not null references nav_programme on delete cascade,
    objective_id varchar(63)  not null,
    position     integer      not null,
    statement    text         not null,
    primary key (programme_id, objective_id)
);

create table nav_kpi (
    programme_id  varchar(63)    not null references nav_programme on delete cascade,
    kpi_id        varchar(63)    not null,
    name          varchar(200)   not null,
    unit          varchar(50)    not null,
    direction     varchar(16)    not null,
    baseline      numeric        not null,
    baseline_date date           not null,
    target        numeric        not null,
    target_date   date           not null,
    tolerance     numeric        not null,
    -- as first defined: with the retargets they give the plan line
    defined_target      numeric  not null,
    defined_target_date date     not null,
    defined_tolerance   numeric  not null,
    cadence       varchar(20)    not null,
    cadence_days  numeric        not null,
    objective_id  varchar(63),
    lever         varchar(16),
    defined_at    timestamp(6) with time zone not null,
    primary key (programme_id, kpi_id)
);

create table nav_kpi_retarget (
    programme_id    varchar(63) not null,
    kpi_id          varchar(63) not null,
    effective_at    timestamp(6) with time zone not null,
    target          numeric     not null,
    target_date     date        not null,
    tolerance       numeric     not null,
    previous_target numeric     not null,
    previous_target_date date   not null,
    reason          text        not null,
    primary key (programme_id, kpi_id, effective_at),
    foreign key (programme_id, kpi_id) references nav_kpi on delete cascade
);

create table nav_reading (
    programme_id varchar(63)  not null,
    kpi_id       varchar(63)  not null,
    reading_id   varchar(128) not null,
    value        numeric      not null,
    measured_at  timestamp(6) with time zone not null,
    recorded_at  timestamp(6) with time zone not null,
    source       varchar(200),
    note         text,
    corrected    boolean      not null default false,
    retracted    boolean      not null default false,
    primary key (programme_id, kpi_id, reading_id),
    foreign key (programme_id, kpi_id) references nav_kpi on delete cascade
);
create index nav_reading_by_measured_at on nav_reading (programme_id, kpi_id, measured_at, recorded_at);

-- Every version of a reading: as recorded, each correction, the retraction.
create table nav_reading_version (
    programme_id varchar(63)  not null,
    kpi_id       varchar(63)  not null,
    reading_id   varchar(128) not null,
    version      integer      not null,
    kind         varchar(16)  not null,
    value        numeric,
    reason       text,
    recorded_at  timestamp(6) with time zone not null,
    primary key (programme_id, kpi_id, reading_id, version),
    foreign key (programme_id, kpi_id, reading_id) references nav_reading on delete cascade
);

create table nav_milestone (
    programme_id      varchar(63)  not null references nav_programme on delete cascade,
    milestone_id      varchar(63)  not null,
    title             varchar(200) not null,
    original_due_date date         not null,
    due_date          date         not null,
    forecast_date     date,
    achieved_on       date,
    cancelled         boolean      not null default false,
    cancel_reason     text,
    planned_at        timestamp(6) with time zone not null,
    primary key (programme_id, milestone_id)
);

create table nav_milestone_rebaseline (
    programme_id      varchar(63) not null,
    milestone_id      varchar(63) not null,
    rebaselined_at    timestamp(6) with time zone not null,
    previous_due_date date        not null,
    due_date          date        not null,
    reason            text        not null,
    approved_by       varchar(200) not null,
    primary key (programme_id, milestone_id, rebaselined_at),
    foreign key (programme_id, milestone_id) references nav_milestone on delete cascade
);

create table nav_evaluation (
    programme_id        varchar(63)  not null references nav_programme on delete cascade,
    evaluation_id       varchar(63)  not null,
    title               varchar(200) not null,
    scheduled_for       date         not null,
    held_on             date,
    delivery_confidence varchar(16),
    decision            varchar(16),
    summary             text,
    actions             text,
    addressed_signals   text,
    outcome_recorded_at timestamp(6) with time zone,
    primary key (programme_id, evaluation_id)
);

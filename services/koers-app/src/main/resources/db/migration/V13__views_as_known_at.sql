-- The programme view as it was known at any moment, in plain SQL (Grafana's replay of a steering committee's history).
-- Every projected row that changes in place gets versions: a copy of the row as each event left it, stamped with the
-- event's recorded time (known_from) and numbered in the order written (seq). The row as known at T is the version
-- with the greatest (known_from, seq) at or before T; versions are only ever added. Rows written once (a programme's
-- definition, a KPI's, a reading and its versions, a re-baseline, a retarget) already carry their recorded time.
-- The functions at the end answer what the API's as-of views answer (ProgrammesAsOf, the one definition of as-of);
-- AsOfReplayTest compares them at fifty moments of a year.

-- A programme's status, health, open signals by severity and latest delivery confidence, after each event that
-- changes one of them (definition, pause, resume, close, a signal raised, re-graded or cleared, an evaluation's outcome).
create table nav_programme_version (
    seq                 bigserial    primary key,
    programme_id        varchar(63)  not null,
    known_from          timestamp(6) with time zone not null,
    status              varchar(16)  not null,
    health              varchar(8)   not null,
    open_critical       integer      not null,
    open_warning        integer      not null,
    open_info           integer      not null,
    delivery_confidence varchar(16),
    last_evaluation     date
);
create index nav_programme_version_by_programme on nav_programme_version (programme_id, known_from, seq);
create index nav_programme_version_by_time on nav_programme_version (known_from);
-- Each version counts the programme's open signals: those, not every signal it ever had.
create index nav_signal_open_by_programme on nav_signal (programme_id, severity) where state <> 'CLEARED';

-- A milestone after each of its events.
create table nav_milestone_version (
    seq               bigserial    primary key,
    programme_id      varchar(63)  not null,
    milestone_id      varchar(63)  not null,
    known_from        timestamp(6) with time zone not null,
    title             varchar(200) not null,
    start_date        date,
    original_due_date date         not null,
    due_date          date         not null,
    forecast_date     date,
    achieved_on       date,
    cancelled         boolean      not null
);
create index nav_milestone_version_by_programme on nav_milestone_version (programme_id, milestone_id, known_from, seq);

-- A signal after each of its events: its severity, state and sentence as they read then.
create table nav_signal_version (
    seq             bigserial    primary key,
    signal_id       varchar(300) not null,
    programme_id    varchar(63)  not null,
    known_from      timestamp(6) with time zone not null,
    type            varchar(40)  not null,
    subject_kind    varchar(16)  not null,
    subject_id      varchar(63)  not null,
    severity        varchar(16)  not null,
    state           varchar(16)  not null,
    raised_at       timestamp(6) with time zone not null,
    explanation     text         not null,
    acknowledged_by varchar(200),
    cleared_at      timestamp(6) with time zone
);
create index nav_signal_version_by_programme on nav_signal_version (programme_id, signal_id, known_from, seq);

-- The segments of each KPI's plan line (koers-rules' PlanLine), one revision per definition or retarget: revision n
-- (n retargets) has n + 1 segments, known from the recorded time of the event that made it. The plan value at any
-- moment is computed from them exactly as PlanLine computes it. They replace the corners of today's plan line
-- (nav_kpi_plan_point, V5), which the dashboards drew before: the segments of the latest revision give those too.
create table nav_kpi_plan_segment (
    programme_id varchar(63)  not null,
    kpi_id       varchar(63)  not null,
    revision     integer      not null,
    position     integer      not null,
    known_from   timestamp(6) with time zone not null,
    start_at     timestamp(6) with time zone not null,
    start_value  numeric      not null,
    target_value numeric      not null,
    target_date  date         not null,
    tolerance    numeric      not null,
    primary key (programme_id, kpi_id, revision, position)
);

drop table nav_kpi_plan_point;

-- The group of /changes each event of the history lands in (history/ChangeGroup), for SQL that groups changes.
alter table nav_history add column change_group varchar(32);

-- When each evaluation was scheduled, so SQL as of T leaves out the evaluations scheduled later.
alter table nav_evaluation add column scheduled_at timestamp(6) with time zone;

-- The new tables need every event since the first: empty the programme view and replay the event store into it
-- (the catch-up starts from the store's first event when the view's processor has no position).
truncate table nav_programme, nav_objective, nav_kpi, nav_kpi_retarget, nav_reading,
               nav_reading_version, nav_milestone, nav_milestone_rebaseline, nav_evaluation, nav_signal, nav_history;
delete from token_entry where processor_name = 'programme-view';
update projection_mode set mode = 'CATCHING_UP'
where projection = 'programme-view' and exists (select 1 from domain_event_entry);
alter table nav_history alter column change_group set not null;
alter table nav_evaluation alter column scheduled_at set not null;

-- The plan line of a KPI as known at p_known: the segments of the latest revision recorded by then.
create function plan_segments_as_of(p_known timestamptz, p_programme varchar, p_kpi varchar)
returns setof nav_kpi_plan_segment language sql stable as $$
    select s.* from nav_kpi_plan_segment s
    where s.programme_id = p_programme and s.kpi_id = p_kpi
      and s.revision = (select max(r.revision) from nav_kpi_plan_segment r
                        where r.programme_id = p_programme and r.kpi_id = p_kpi and r.known_from <= p_known)
$$;

-- The plan value and tolerance at p_at of the plan line known at p_known (PlanLine.valueAt and toleranceAt): the
-- segment in force is the last one started by then (the first before the baseline); on it the value runs straight
-- from its start value to its target, reached at the start of the target date, and stays there.
create function plan_value_as_of(p_known timestamptz, p_programme varchar, p_kpi varchar, p_at timestamptz)
returns table (plan_value numeric, tolerance numeric) language sql stable as $$
    with plan as (select * from plan_segments_as_of(p_known, p_programme, p_kpi)),
         first as (select * from plan where position = 0),
         in_force as (select * from plan where start_at <= p_at order by position desc limit 1),
         segment as (select * from in_force union all select * from first where not exists (select 1 from in_force))
    select case
               when p_at < first.start_at then first.start_value
               when p_at >= cast(s.target_date as timestamp) at time zone 'UTC' then s.target_value
               when p_at <= s.start_at then s.start_value
               else s.start_value + (s.target_value - s.start_value) * extract(epoch from p_at - s.start_at)
                                    / extract(epoch from (cast(s.target_date as timestamp) at time zone 'UTC') - s.start_at)
           end,
           s.tolerance
    from segment s cross join first
$$;

-- The plan line known at p_known as a chart draws it between p_from and p_to (PlanLine.points): where each segment
-- starts and, when reached before the next one starts, its target date, each with the tolerance in force from there,
-- and the plan value at both ends of the span.
create function plan_corners_as_of(p_known timestamptz, p_programme varchar, p_kpi varchar, p_from timestamptz,
                                   p_to timestamptz)
returns table (at timestamptz, plan_value numeric, tolerance numeric) language sql stable as $$
    with segment as (
        select s.*, cast(s.target_date as timestamp) at time zone 'UTC' as end_at,
               lead(s.start_at) over (order by s.position) as next_start
        from plan_segments_as_of(p_known, p_programme, p_kpi) s
    ), corner as (
        select start_at as at, case when start_at >= end_at then target_value else start_value end, tolerance
        from segment
        union all
        select end_at, target_value, tolerance from segment
        where end_at > start_at and (next_start is null or end_at < next_start)
        union all
        select edge, p.plan_value, p.tolerance
        from (values (p_from), (p_to)) as e (edge)
        cross join lateral plan_value_as_of(p_known, p_programme, p_kpi, edge) p
    )
    select * from corner where corner.at between p_from and p_to order by corner.at
$$;

-- Every reading of a KPI known at p_at, with its value then and whether it was corrected or retracted by then.
create function readings_as_of(p_at timestamptz, p_programme varchar, p_kpi varchar)
returns table (reading_id varchar, value numeric, measured_at timestamptz, recorded_at timestamptz,
               corrected boolean, retracted boolean) language sql stable as $$
    select r.reading_id, v.value, r.measured_at, r.recorded_at, v.corrected, v.retracted
    from nav_reading r
    cross join lateral (
        select (array_agg(x.value order by x.version desc) filter (where x.kind <> 'RETRACTED'))[1] as value,
               coalesce(bool_or(x.kind = 'CORRECTED'), false) as corrected,
               coalesce(bool_or(x.kind = 'RETRACTED'), false) as retracted
        from nav_reading_version x
        where x.programme_id = r.programme_id and x.kpi_id = r.kpi_id and x.reading_id = r.reading_id
          and x.recorded_at <= p_at) v
    where r.programme_id = p_programme and r.kpi_id = p_kpi and r.recorded_at <= p_at
$$;

-- The portfolio as known at p_at (GET /programmes?asOf=): every programme defined by then.
create function programmes_as_of(p_at timestamptz)
returns table (programme_id varchar, name varchar, owner varchar, status varchar, start_date date,
               planned_end_date date, health varchar, delivery_confidence varchar, last_evaluation date,
               open_critical integer, open_warning integer, open_info integer) language sql stable as $$
    select distinct on (v.programme_id) v.programme_id, p.name, p.owner, v.status, p.start_date, p.planned_end_date,
           v.health, v.delivery_confidence, v.last_evaluation, v.open_critical, v.open_warning, v.open_info
    from nav_programme_version v join nav_programme p on p.programme_id = v.programme_id
    where v.known_from <= p_at
    order by v.programme_id, v.known_from desc, v.seq desc
$$;

-- The KPIs of a programme as known at p_at: the target then, the plan value at p_at, the latest reading that counted
-- then (Reading.IN_MEASURED_ORDER, not retracted) with its value then, and its deviation and status (KpiStatusRule:
-- value − plan at its measuredAt, sign flipped for LOWER_IS_BETTER; GREEN at −tolerance or better, AMBER down to
-- −2 × tolerance, RED below).
create function kpis_as_of(p_at timestamptz, p_programme varchar)
returns table (programme_id varchar, kpi_id varchar, name varchar, unit varchar, direction varchar,
               target numeric, target_date date, tolerance numeric, plan_value numeric, status varchar,
               reading_id varchar, value numeric, measured_at timestamptz, deviation numeric) language sql stable as $$
    select k.programme_id, k.kpi_id, k.name, k.unit, k.direction, t.target_value, t.target_date, t.tolerance,
           now_plan.plan_value,
           case when latest.reading_id is null then 'NO_DATA'
                when judged.deviation >= -then_plan.tolerance then 'GREEN'
                when judged.deviation >= -2 * then_plan.tolerance then 'AMBER'
                else 'RED' end,
           latest.reading_id, latest.value, latest.measured_at, judged.deviation
    from nav_kpi k
    cross join lateral (select * from plan_segments_as_of(p_at, k.programme_id, k.kpi_id)
                        order by position desc limit 1) t
    cross join lateral plan_value_as_of(p_at, k.programme_id, k.kpi_id, p_at) now_plan
    left join lateral (select * from readings_as_of(p_at, k.programme_id, k.kpi_id) r where not r.retracted
                       order by r.measured_at desc, r.recorded_at desc, r.reading_id desc limit 1) latest on true
    left join lateral plan_value_as_of(p_at, k.programme_id, k.kpi_id, latest.measured_at) then_plan on true
    cross join lateral (select case when k.direction = 'LOWER_IS_BETTER' then then_plan.plan_value - latest.value
                                    else latest.value - then_plan.plan_value end as deviation) judged
    where k.programme_id = p_programme and k.defined_at <= p_at
$$;

-- The milestones of a programme as known at p_at, with their slip (ProgrammeViews.milestone, MilestoneRules.slip):
-- forecast − due in days, and as a percentage of the days from the milestone's start (else the programme's) to its
-- due date when the forecast lies after the due date.
create function milestones_as_of(p_at timestamptz, p_programme varchar)
returns table (programme_id varchar, milestone_id varchar, title varchar, start_date date, original_due_date date,
               due_date date, forecast_date date, slip_days integer, slip_percent numeric, achieved_on date,
               cancelled boolean, rebaselines bigint) language sql stable as $$
    select m.programme_id, m.milestone_id, m.title, m.start_date, m.original_due_date, m.due_date, m.forecast_date,
           m.forecast_date - m.due_date,
           case when m.forecast_date > m.due_date
                then (m.forecast_date - m.due_date) * 100.0 / (m.due_date - coalesce(m.start_date, p.start_date)) end,
           m.achieved_on, m.cancelled,
           (select count(*) from nav_milestone_rebaseline r where r.programme_id = m.programme_id
                and r.milestone_id = m.milestone_id and r.rebaselined_at <= p_at)
    from (select distinct on (v.milestone_id) v.* from nav_milestone_version v
          where v.programme_id = p_programme and v.known_from <= p_at
          order by v.milestone_id, v.known_from desc, v.seq desc) m
    join nav_programme p on p.programme_id = m.programme_id
$$;

-- The signals of a programme (all programmes when p_programme is null) that were open (OPEN or ACKNOWLEDGED) at
-- p_at, each with the severity and sentence it had then.
create function open_signals_as_of(p_at timestamptz, p_programme varchar)
returns table (signal_id varchar, programme_id varchar, type varchar, subject_kind varchar, subject_id varchar,
               severity varchar, state varchar, raised_at timestamptz, explanation text, acknowledged_by varchar)
language sql stable as $$
    select s.signal_id, s.programme_id, s.type, s.subject_kind, s.subject_id, s.severity, s.state, s.raised_at,
           s.explanation, s.acknowledged_by
    from (select distinct on (v.signal_id) v.* from nav_signal_version v
          where (p_programme is null or v.programme_id = p_programme) and v.known_from <= p_at
          order by v.signal_id, v.known_from desc, v.seq desc) s
    where s.state <> 'CLEARED'
$$;

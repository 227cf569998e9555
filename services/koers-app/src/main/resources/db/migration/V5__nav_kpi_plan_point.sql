-- The corners of each KPI's plan line (PlanLine.points), for drawing it with its tolerance band, e.g. in Grafana.
create table nav_kpi_plan_point (
    programme_id varchar(63) not null,
    kpi_id       varchar(63) not null,
    at           timestamp(6) with time zone not null,
    plan_value   numeric     not null,
    tolerance    numeric     not null,
    primary key (programme_id, kpi_id, at),
    foreign key (programme_id, kpi_id) references nav_kpi on delete cascade
);

-- The programme view is a projection: its rows come from the events, in each programme's order, and a rebuild makes
-- them again, so the foreign keys between its tables protect nothing. They cost a lookup per row written, and after
-- the rebuild's truncate PostgreSQL could cache that lookup's plan as a sequential scan (an autovacuum analyzing a
-- table of a few rows) and then scan the growing table for every reading (docs/BENCHMARKS.md, rebuild).
alter table nav_objective drop constraint nav_objective_programme_id_fkey;
alter table nav_kpi drop constraint nav_kpi_programme_id_fkey;
alter table nav_kpi_retarget drop constraint nav_kpi_retarget_programme_id_kpi_id_fkey;
alter table nav_kpi_plan_point drop constraint nav_kpi_plan_point_programme_id_kpi_id_fkey;
alter table nav_reading drop constraint nav_reading_programme_id_kpi_id_fkey;
alter table nav_reading_version drop constraint nav_reading_version_programme_id_kpi_id_reading_id_fkey;
alter table nav_milestone drop constraint nav_milestone_programme_id_fkey;
alter table nav_milestone_rebaseline drop constraint nav_milestone_rebaseline_programme_id_milestone_id_fkey;
alter table nav_evaluation drop constraint nav_evaluation_programme_id_fkey;

-- A milestone's own start (issue 19): its slip is measured from here; null when it starts with its programme, as
-- every milestone planned before this column existed does.
alter table nav_milestone add column start_date date;

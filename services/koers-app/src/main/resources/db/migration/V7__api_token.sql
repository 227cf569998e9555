-- API tokens for scripts and other systems. A token is shown once, when it is issued; only its SHA-256 hash (hex)
-- is kept. Roles and programmes are comma-separated (neither holds a comma); no programmes means all of them.
create table api_token (
    id           uuid          not null primary key,
    name         varchar(100)  not null,
    roles        varchar(100)  not null,
    programmes   varchar(4000) not null default '',
    token_hash   char(64)      not null unique,
    bootstrap    boolean       not null default false,
    created_at   timestamptz   not null,
    created_by   varchar(200)  not null,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    revoked_by   varchar(200),
    last_used_at timestamptz
);

-- a name says which script or system calls, so no two tokens in use share one
create unique index api_token_active_name on api_token (name) where revoked_at is null;

-- the admin token issued at the first start, once, however many instances start together
create unique index api_token_one_bootstrap on api_token (bootstrap) where bootstrap;

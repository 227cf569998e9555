-- Signal subscriptions (webhooks) and their deliveries. None of this is derived from events alone (a subscription is
-- configuration, a delivery is what a receiver answered), so no rebuild touches these tables.

-- The programme's name, for the messages sent about its signals; kept with the programme's events from now on and
-- filled once from the programme view for the programmes defined before.
alter table programme_directory add column name varchar(200);
update programme_directory d set name = p.name from nav_programme p where p.programme_id = d.programme_id;

-- A subscription's filters: programmes and types comma-separated (neither holds a comma), none meaning all.
-- scope: the programmes its creator could see (none: all); it never receives signals of other programmes.
-- secret: AES-GCM of the signing secret under koers.webhooks.secret-key (nonce and ciphertext, base64).
create table webhook_subscription (
    id                uuid          not null primary key,
    url               varchar(2000) not null,
    programmes        varchar(4000) not null default '',
    min_severity      varchar(16)   not null,
    types             varchar(1000) not null default '',
    format            varchar(16)   not null,
    description       varchar(500),
    secret            varchar(200)  not null,
    scope             varchar(4000) not null default '',
    state             varchar(16)   not null,
    created_by        varchar(200)  not null,
    created_at        timestamptz   not null,
    last_delivered_at timestamptz,
    failing_since     timestamptz,
    disabled_at       timestamptz
);

-- The outbox: deliveries still to make, written in the transaction that handles the signal event. A row leaves it
-- once delivered or given up; sent in id order per subscription and programme.
create table webhook_delivery (
    id              bigserial     not null primary key,
    subscription_id uuid          not null references webhook_subscription (id) on delete cascade,
    programme_id    varchar(63)   not null,
    webhook_id      varchar(100)  not null unique,
    signal_id       varchar(400)  not null,
    event           varchar(40)   not null,
    body            text          not null,
    created_at      timestamptz   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    claimed_until   timestamptz
);
create index webhook_delivery_queue on webhook_delivery (subscription_id, programme_id, id);

-- Every attempt and how it went, per subscription, newest first.
create table webhook_delivery_log (
    id              bigserial    not null primary key,
    subscription_id uuid         not null references webhook_subscription (id) on delete cascade,
    webhook_id      varchar(100) not null,
    signal_id       varchar(400) not null,
    event           varchar(40)  not null,
    attempt         integer      not null,
    status          integer,
    at              timestamptz  not null,
    outcome         varchar(16)  not null
);
create index webhook_delivery_log_subscription on webhook_delivery_log (subscription_id, id);

-- Each signal as the webhook processor's events left it (the view GET /signals shows), so an acknowledgement or a
-- clearing is sent with the signal's type, severity and evidence without waiting for the programme view.
create table webhook_signal (
    signal_id varchar(400) not null primary key,
    view      text         not null
);

-- The key that encrypts subscription secrets when koers.webhooks.secret-key is not set: made at the first start.
create table webhook_secret_key (
    id  boolean     not null primary key default true check (id),
    key varchar(64) not null
);

-- Access control (ru.otklik.security): people log in with a password, machines send an API key.

-- People. Roles are a space-separated subset of analyst, press, agency, admin; an agency user is bound to
-- exactly one agency and sees only its incidents.
create table app_user (
    id            bigserial primary key,
    username      text not null unique check (username = lower(username) and username ~ '^[a-z0-9._-]{2,64}$'),
    password_hash text not null,
    display_name  text,
    roles         text not null check (roles ~ '^(analyst|press|agency|admin)( (analyst|press|agency|admin))*$'),
    agency_code   text references agency (code),
    enabled       boolean not null default true,
    created_by    text not null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    check ((' ' || roles || ' ' like '% agency %') = (agency_code is not null))
);

-- Machine keys. Only the SHA-256 of a key is kept: keys are 256-bit random, so a slow hash adds nothing,
-- and a lookup by hash needs no comparison that could leak timing.
create table api_key (
    id              bigserial primary key,
    name            text not null,
    -- the first characters of the key, so operators can tell keys apart in lists and logs
    prefix          text not null,
    key_hash        text not null unique,
    scopes          text not null,
    -- requests per minute; null = otklik.security.api-keys.default-rate-per-minute
    rate_per_minute integer check (rate_per_minute > 0),
    created_by      text not null,
    created_at      timestamptz not null default now(),
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    revoked_by      text
);

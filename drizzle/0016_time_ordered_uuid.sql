-- UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. New rows of the busiest
-- tables get ids in creation order, so their primary keys — and every index keyed by those ids
-- (a run's trigger event, a step's run) — grow at the right edge instead of touching a random
-- leaf page per insert: a million-run history no longer has to fit in memory to be written to
-- quickly. Still unguessable (74 random bits). PostgreSQL 18 has uuidv7() built in.
CREATE FUNCTION time_ordered_uuid() RETURNS uuid
LANGUAGE sql VOLATILE PARALLEL SAFE
AS $$
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
              PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
              FROM 1 FOR 6),
      52, 1), 53, 1),
    'hex')::uuid
$$;

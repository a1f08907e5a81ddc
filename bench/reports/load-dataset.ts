import type { Sql } from "postgres";

/** How big a desk the benchmark loads: a busy year. */
export interface DatasetSize {
  sessions: number;
  messagesPerSession: number;
  agents: number;
  teams: number;
  customers: number;
  days: number;
}

export const DEFAULT_SIZE: DatasetSize = {
  sessions: 100_000,
  messagesPerSession: 10,
  agents: 50,
  teams: 5,
  customers: 20_000,
  days: 365,
};

export interface LoadedDataset {
  adminId: string;
  teamId: string;
  agentId: string;
  counts: Record<string, number>;
}

/**
 * Fills the bench database in SQL, on the server, which takes seconds where row-by-row
 * inserts from Node would take minutes. Rows go in oldest first, as a live desk appends
 * them, so that the tables' physical order is the one production has. The shape follows a real desk: chats mostly in
 * working hours, short waits with a long tail, one in 33 reopened, six in ten rated,
 * agents on eight-hour shifts. Ids are derived from numbers, so runs are comparable.
 */
export async function loadDataset(sql: Sql, size: DatasetSize, now: Date, onStep: (step: string) => void): Promise<LoadedDataset> {
  const nowText = now.toISOString();
  const step = async (name: string, statement: () => Promise<unknown>) => {
    onStep(name);
    await statement();
  };

  await sql.begin(async (tx) => {
    await tx`select setseed(0.2026)`;
    // Ids from numbers, shaped as version 4 UUIDs so that the API's validation accepts them.
    await tx`create function bench_id(key text) returns uuid language sql immutable
      as $$ select (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18))::uuid from md5(key) as h $$`;
    await step("staff, teams and customers", async () => {
      await tx`insert into teams (id, name, slug)
        select bench_id('team' || t), 'Team ' || t, 'bench-team-' || t from generate_series(1, ${size.teams}) t`;
      await tx`insert into users (id, email, name, role, availability)
        values (bench_id('admin'), 'admin@bench.test', 'Bench Admin', 'admin', 'online')`;
      await tx`insert into users (id, email, name, role, availability)
        select bench_id('agent' || a), 'agent' || a || '@bench.test', 'Agent ' || a, 'agent',
          (case when a % 3 = 0 then 'offline' else 'online' end)::agent_availability
        from generate_series(1, ${size.agents}) a`;
      await tx`insert into team_members (team_id, user_id)
        select bench_id('team' || (1 + (a - 1) % ${size.teams})), bench_id('agent' || a) from generate_series(1, ${size.agents}) a`;
      await tx`insert into users (id, email, name, role)
        select bench_id('customer' || c), 'customer' || c || '@bench.test', 'Customer ' || c, 'customer'
        from generate_series(1, ${size.customers}) c`;
    });

    await step("sessions", async () => {
      // Hours of the day weighted like a support desk's traffic (UTC).
      await tx`create temporary table bench_sessions on commit drop as
        with drawn as (
          select n,
            1 + floor(random() * ${size.agents})::int as agent_no,
            1 + floor(random() * ${size.customers})::int as customer_no,
            floor(random() * ${size.days})::int as day,
            (array[0,1,6,7,7,8,8,8,9,9,9,9,10,10,10,10,11,11,11,12,12,13,13,13,14,14,14,14,15,15,15,16,16,17,17,18,19,20,21,22,23])[1 + floor(random() * 41)::int] as hour,
            random() * 3600 as second_of_hour,
            5 + floor(random() * random() * 600)::int as wait,
            10 + floor(random() * 120)::int as reply_after,
            120 + floor(random() * 2400)::int as handle,
            random() as rated, random() as mood
          from generate_series(1, ${size.sessions}) n
        )
        select n, bench_id('session' || n) as id, agent_no, customer_no,
          1 + (agent_no - 1) % ${size.teams} as team_no,
          ${nowText}::timestamptz - ${`${size.days} days`}::interval
            + make_interval(days => day, hours => hour) + make_interval(secs => second_of_hour) as created_at,
          wait, wait + reply_after as first_response, handle, rated, mood,
          n % 33 = 0 as reopens
        from drawn`;
      await tx`delete from bench_sessions where created_at > ${nowText}::timestamptz - interval '30 seconds'`;
      await tx`insert into conversations (id, kind, status, priority, subject, customer_id, created_by_id, assigned_agent_id, team_id,
          created_at, updated_at, queued_at, assigned_at, first_response_at, closed_at, last_seq, last_event_seq, last_message_at)
        select s.id, 'support',
          (case when s.created_at + make_interval(secs => s.wait) > ${nowText}::timestamptz then 'waiting'
                when s.created_at + make_interval(secs => s.wait + s.handle) > ${nowText}::timestamptz then 'active'
                else 'closed' end)::conversation_status,
          (case when s.n % 20 = 0 then 'high' else 'normal' end)::conversation_priority,
          'Question ' || s.n, bench_id('customer' || s.customer_no), bench_id('customer' || s.customer_no),
          case when s.created_at + make_interval(secs => s.wait) > ${nowText}::timestamptz then null else bench_id('agent' || s.agent_no) end,
          bench_id('team' || s.team_no),
          s.created_at, s.created_at, s.created_at,
          s.created_at + make_interval(secs => s.wait),
          s.created_at + make_interval(secs => s.first_response),
          s.created_at + make_interval(secs => s.wait + s.handle),
          ${size.messagesPerSession}, ${size.messagesPerSession}, s.created_at + make_interval(secs => s.wait + s.handle)
        from bench_sessions s
        order by s.created_at`;
      // Live sessions have not reached their future yet.
      await tx`update conversations set closed_at = null where status <> 'closed' and kind = 'support'`;
      await tx`update conversations set assigned_at = null, first_response_at = null where status = 'waiting'`;
      await tx`update conversations set first_response_at = null where first_response_at > ${nowText}::timestamptz`;
    });

    await step("session events", async () => {
      await tx`insert into session_events (conversation_id, type, occurred_at, actor_id, agent_id, team_id,
          wait_seconds, first_response_seconds, handle_seconds, resolution_seconds, closed_seconds)
        select s.id, e.type::session_event_type, s.created_at + make_interval(secs => e.at_seconds),
          case when e.type = 'created' then bench_id('customer' || s.customer_no) else bench_id('agent' || s.agent_no) end,
          case when e.type in ('created', 'reopened') then null else bench_id('agent' || s.agent_no) end,
          bench_id('team' || s.team_no),
          e.wait_seconds, e.first_response_seconds, e.handle_seconds, e.resolution_seconds, e.closed_seconds
        from bench_sessions s
        cross join lateral (values
          ('created', 0, null::int, null::int, null::int, null::int, null::int),
          ('assigned', s.wait, s.wait, null, null, null, null),
          ('first_response', s.first_response, null, s.first_response, null, null, null),
          ('closed', s.wait + s.handle, null, null, s.handle, s.wait + s.handle, null),
          ('reopened', s.wait + s.handle + 7200, null, null, null, null, 7200),
          ('first_response', s.wait + s.handle + 7500, null, 300, null, null, null),
          ('closed', s.wait + s.handle + 8400, null, null, 1200, s.wait + s.handle + 8400, null)
        ) as e(type, at_seconds, wait_seconds, first_response_seconds, handle_seconds, resolution_seconds, closed_seconds)
        where s.created_at + make_interval(secs => e.at_seconds) <= ${nowText}::timestamptz
          and (s.reopens or e.at_seconds <= s.wait + s.handle)
        order by 3`;
    });

    await step(`${size.sessions * size.messagesPerSession} messages`, async () => {
      await tx`insert into messages (conversation_id, seq, event_seq, sender_id, type, internal, body, created_at)
        select s.id, k, k,
          case when k = 5 and s.n % 4 = 0 then null
               when k % 2 = 1 then bench_id('customer' || s.customer_no)
               else bench_id('agent' || s.agent_no) end,
          (case when k = 5 and s.n % 4 = 0 then 'system' else 'text' end)::message_type,
          k = 8 and s.n % 10 = 0,
          case when k % 2 = 1 then 'customer line ' || k else 'agent line ' || k end,
          least(${nowText}::timestamptz,
            case when k = 1 then s.created_at
                 else s.created_at + make_interval(secs => s.first_response + (k - 2) * s.handle / ${size.messagesPerSession}) end)
        from bench_sessions s
        cross join generate_series(1, ${size.messagesPerSession}) k
        order by 8`;
    });

    await step("ratings", async () => {
      await tx`insert into csat_responses (conversation_id, customer_id, agent_id, rating, comment, created_at)
        select s.id, bench_id('customer' || s.customer_no), bench_id('agent' || s.agent_no),
          case when s.mood < 0.05 then 1 when s.mood < 0.1 then 2 when s.mood < 0.2 then 3 when s.mood < 0.45 then 4 else 5 end,
          case when s.rated < 0.18 then 'Comment ' || s.n end,
          s.created_at + make_interval(secs => s.wait + s.handle + 300)
        from bench_sessions s
        where s.rated < 0.6 and s.created_at + make_interval(secs => s.wait + s.handle + 300) <= ${nowText}::timestamptz
        order by 6`;
    });

    await step("agent shifts", async () => {
      await tx`insert into agent_status_changes (user_id, availability, presence, changed_at)
        select bench_id('agent' || a), shift.availability::agent_availability, shift.presence::presence_status,
          date_trunc('day', ${nowText}::timestamptz) - make_interval(days => d) + make_interval(hours => 6 + a % 8) + shift.offset_time
        from generate_series(1, ${size.agents}) a
        cross join generate_series(0, ${size.days}) d
        cross join (values
          ('online', 'online', interval '0'),
          ('away', 'online', interval '4 hours'),
          ('online', 'online', interval '4 hours 45 minutes'),
          ('offline', 'offline', interval '8 hours')
        ) as shift(availability, presence, offset_time)
        where date_trunc('day', ${nowText}::timestamptz) - make_interval(days => d) + make_interval(hours => 6 + a % 8) + shift.offset_time
          <= ${nowText}::timestamptz
        order by 4`;
    });
  });

  // What autovacuum does soon after a bulk load: statistics, and the visibility map index-only scans need.
  onStep("vacuum analyze");
  await sql`vacuum analyze`;
  const [counts] = await sql<Record<string, number>[]>`select
      (select count(*) from conversations where kind = 'support')::int as sessions,
      (select count(*) from messages)::int as messages,
      (select count(*) from session_events)::int as session_events,
      (select count(*) from csat_responses)::int as ratings,
      (select count(*) from agent_status_changes)::int as status_changes`;
  const [team] = await sql<{ id: string }[]>`select bench_id('team1')::text as id`;
  const [agent] = await sql<{ id: string }[]>`select bench_id('agent1')::text as id`;
  const [admin] = await sql<{ id: string }[]>`select bench_id('admin')::text as id`;
  return { adminId: admin!.id, teamId: team!.id, agentId: agent!.id, counts: counts! };
}

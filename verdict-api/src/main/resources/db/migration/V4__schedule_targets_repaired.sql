-- Before targets were bounded, a target such as 1e309 could be stored: the PostgreSQL client reads JSON
-- numbers through doubles, so it was written as the string "Infinity", and every later read of that
-- schedule failed. Such milestones can never be judged; they are dropped from the versions holding them,
-- so the schedule can be read and changed again. Only milestones whose target is not a JSON number below
-- 10^15 in magnitude are touched.
UPDATE schedule
SET milestones = jsonb_set(milestones, '{milestones}', COALESCE((
        SELECT jsonb_agg(m ORDER BY i)
        FROM jsonb_array_elements(milestones -> 'milestones') WITH ORDINALITY AS e(m, i)
        WHERE CASE WHEN jsonb_typeof(m -> 'target') = 'number' THEN abs((m ->> 'target')::numeric) < 1e15 ELSE false END),
        '[]'::jsonb))
WHERE jsonb_typeof(milestones -> 'milestones') = 'array'
  AND EXISTS (SELECT 1
              FROM jsonb_array_elements(milestones -> 'milestones') AS e(m)
              WHERE CASE WHEN jsonb_typeof(m -> 'target') = 'number' THEN abs((m ->> 'target')::numeric) >= 1e15 ELSE true END);

-- The commitments-overhang thresholds join the versioned rule set (multiples of TTM operating cash flow).
-- Every version stored before this applied the rule's then fixed defaults, so each version's defaults
-- record them: WATCH from 1.00x, SLIPPING from 3.00x. Per-company overrides without them keep the defaults.
UPDATE rule_set
SET body = jsonb_set(body, '{defaults}',
        '{"commitmentsOverhangWatch": 1.00, "commitmentsOverhangSlipping": 3.00}'::jsonb || (body -> 'defaults'))
WHERE jsonb_typeof(body -> 'defaults') = 'object';

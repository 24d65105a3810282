-- The company's own measures (its definitions file) per quarter, as last derived from its as-filed facts:
-- an import compares the new ones with these, so a fact that changes only a company-defined measure (an
-- extension concept such as Amazon's proceeds from property sales) still gets its own revision.
ALTER TABLE company ADD COLUMN company_measures JSONB;

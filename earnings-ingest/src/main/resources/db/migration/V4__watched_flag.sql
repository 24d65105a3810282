-- Removing a company from the watchlist stops polling it but keeps its filings and quarters.
ALTER TABLE company ADD COLUMN watched BOOLEAN NOT NULL DEFAULT TRUE;

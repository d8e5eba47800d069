-- How much of a race's results are public (RaceEvent.Publication): every race published its ranking until now.
ALTER TABLE race ADD COLUMN publication character varying(20) NOT NULL DEFAULT 'RANKING';

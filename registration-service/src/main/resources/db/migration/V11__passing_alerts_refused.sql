-- A runner may refuse that spectators be mailed at each of their passages (results-web's passing alerts): every
-- entry made before the choice existed lets them, as results-web did until now.
ALTER TABLE entry ADD COLUMN passingalertsrefused boolean NOT NULL DEFAULT false;

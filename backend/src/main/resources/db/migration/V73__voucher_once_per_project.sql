-- A payment voucher (its reference) is recorded once per project: the same advance or payment entered twice, by
-- a double click or by two monitors at once, is refused instead of being counted twice.
create unique index disbursement_reference_once on disbursement (dossier_id, lower(btrim(reference)));

-- A new appointment date, set once with an apology, lies at most this many working days after the current one.
insert into catalog_setting (key, value) values ('reschedule-max-working-days', '15') on conflict (key) do nothing;

-- Demo datasets loaded on request: one row per dataset, written in the transaction that loads it, so loading twice
-- does not duplicate anything.
create table demo_dataset_load (
    name      text primary key,
    dossiers  int  not null,
    loaded_by text not null,
    loaded_at timestamptz not null
);

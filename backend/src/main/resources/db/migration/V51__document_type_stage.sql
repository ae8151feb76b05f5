-- The application's documents (its checklist) and the evidence filed while a project is monitored are kept apart:
-- evidence is never offered as an optional extra of an application.
alter table document_type add column stage text not null default 'APPLICATION'
    check (stage in ('APPLICATION', 'MONITORING'));
update document_type set stage = 'MONITORING'
    where code in ('EVIDENCE_PHOTO', 'EVIDENCE_CONTRACT', 'EVIDENCE_INVOICE', 'ACCEPTANCE_MINUTES');
